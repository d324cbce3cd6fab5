// The desk's language: kept on <html lang>, which every element follows; remembered per browser.
const select = document.getElementById('admin-lang');
const saved = localStorage.getItem('review-admin:lang');
if (saved) document.documentElement.lang = saved;
select.value = document.documentElement.lang;
select.addEventListener('change', () => {
  document.documentElement.lang = select.value;
  localStorage.setItem('review-admin:lang', select.value);
});
