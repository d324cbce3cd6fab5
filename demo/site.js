// The demo blog's switches: language (the elements follow <html lang> live), colour scheme (the
// elements inherit color-scheme from the page) and direction. Choices are kept for the next page.
const root = document.documentElement;
const saved = (key) => {
  try {
    return localStorage.getItem(`demo:${key}`);
  } catch {
    return null;
  }
};
const save = (key, value) => {
  try {
    localStorage.setItem(`demo:${key}`, value);
  } catch {
    // private mode: the switch works for this page only
  }
};
const apply = {
  lang: (v) => (root.lang = v || 'en'),
  scheme: (v) => (root.style.colorScheme = v || 'light dark'),
  dir: (v) => (root.dir = v || 'ltr'),
};
for (const [key, set] of Object.entries(apply)) {
  const value = saved(key);
  if (value) set(value);
  const control = document.getElementById(`switch-${key}`);
  if (!control) continue;
  if (value) control.value = value;
  control.addEventListener('change', () => {
    set(control.value);
    save(key, control.value);
  });
}
