// The embed builder: asks for the blog's address, writes the snippet and the server setting the
// blog needs (snippet.js, the one copy of that logic), and previews the same elements. Text goes
// in with textContent, elements with DOM methods.
import { parseOrigin, serverSetting, snippet, snippetTree } from './snippet.js';

const server = location.origin;
const $ = (id) => document.getElementById(id);
const form = $('embed-form');
const originInput = $('embed-origin');
const reviewSelect = $('embed-review');
/** Warning topics per review id, fetched once each. */
const topicsFor = new Map();

const chosen = () => [...form.querySelectorAll('input[name="element"]:checked')].map((i) => i.value);

async function topics(review) {
  if (!topicsFor.has(review)) {
    topicsFor.set(
      review,
      fetch(`/v1/reviews/${encodeURIComponent(review)}`)
        .then((res) => (res.ok ? res.json() : { contentWarnings: [] }))
        .then((doc) => (doc.contentWarnings ?? []).map((w) => w.topic))
        .catch(() => []),
    );
  }
  return topicsFor.get(review);
}

/** A tree node from snippet.js as DOM (the preview reads this server's API by a relative URL). */
function toDOM(node) {
  if (typeof node === 'string') return document.createTextNode(node);
  const el = document.createElement(node.name);
  for (const [name, value] of Object.entries(node.attrs)) el.setAttribute(name, value);
  el.append(...node.children.map(toDOM));
  return el;
}

function showSetting() {
  const parsed = parseOrigin(originInput.value);
  const message = $('embed-origin-message');
  const text = $('embed-setting-text');
  const code = $('embed-setting-code');
  const error = parsed && 'error' in parsed;
  originInput.setAttribute('aria-invalid', String(Boolean(error)));
  message.textContent = error ? parsed.error : (parsed?.note ?? '');
  if (!parsed || error) {
    text.textContent = "Enter your blog's address above to get the setting.";
    code.textContent = serverSetting('https://blog.example');
    return;
  }
  if (new URL(parsed.origin).host === location.host) {
    text.textContent = 'None: your blog is on this server, which always lets its own pages post comments.';
    code.textContent = '';
    code.parentElement.hidden = true;
    return;
  }
  code.parentElement.hidden = false;
  text.textContent =
    `Comments posted from ${parsed.origin} are refused until this server knows that address. Add this line to the ` +
    "server's environment (next to PORT and REVIEW_DB) and restart it; for several sites, separate them with " +
    'commas. The review, cast and comment counts show on any site without it.';
  code.textContent = serverSetting(parsed.origin);
}

let version = 0;
async function update() {
  const mine = ++version;
  const review = reviewSelect.value;
  const options = { review, elements: chosen(), layout: $('embed-layout').value, topics: await topics(review) };
  if (mine !== version) return;
  $('embed-snippet').textContent = snippet({ server, ...options });
  $('embed-preview').replaceChildren(toDOM(snippetTree({ server: '', ...options }).source));
  showSetting();
}

async function start() {
  const { items } = await (await fetch('/v1/reviews?limit=50')).json();
  for (const review of items) {
    const option = document.createElement('option');
    option.value = review.id;
    option.textContent = review.work.title;
    reviewSelect.append(option);
  }
  form.addEventListener('change', update);
  originInput.addEventListener('input', showSetting);
  form.addEventListener('submit', (e) => e.preventDefault());
  await update();
}

$('embed-copy').addEventListener('click', async () => {
  const status = $('embed-copied');
  try {
    await navigator.clipboard.writeText($('embed-snippet').textContent);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Select the snippet and copy it with your keyboard.';
  }
});

start();
