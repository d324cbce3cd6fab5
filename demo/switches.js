// The demo's language, theme and direction switches: the elements follow <html lang> live.
const root = document.documentElement;
document.getElementById('lang').addEventListener('change', (e) => (root.lang = e.target.value));
document.getElementById('rtl').addEventListener('change', (e) => (root.dir = e.target.checked ? 'rtl' : 'ltr'));
document.getElementById('theme').addEventListener('change', (e) => {
  for (const el of document.querySelectorAll('review-card')) {
    if (e.target.value) el.setAttribute('theme', e.target.value);
    else el.removeAttribute('theme');
  }
  root.style.colorScheme = e.target.value || 'light dark';
});
