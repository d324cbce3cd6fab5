// The embed builder: the snippet is text (textContent), the preview is built with DOM methods.
const origin = location.origin;
const reviewSelect = document.getElementById('embed-review');
const layout = document.getElementById('embed-layout');
const snippet = document.getElementById('embed-snippet');
const preview = document.getElementById('embed-preview');
const form = document.getElementById('embed-form');

const chosen = () => [...form.querySelectorAll('input[name="element"]:checked')].map((i) => i.value);

function elementsFor(names) {
  return names.map((name) => {
    const el = document.createElement(name);
    if (name === 'review-card') el.setAttribute('layout', layout.value);
    if (name === 'content-warning') {
      el.setAttribute('from-review', '');
      el.setAttribute('remember', 'session');
      const p = document.createElement('p');
      p.textContent = 'The part of your post that discusses the distressing scenes.';
      el.append(p);
    }
    if (name === 'cast-list') el.setAttribute('limit', '6');
    return el;
  });
}

function update() {
  const review = reviewSelect.value;
  const names = chosen();
  const inner = elementsFor(names)
    .map((el) => `  ${el.outerHTML.replace('></content-warning>', '>\n  </content-warning>').replace('<p>', '\n    <p>')}`)
    .join('\n');
  snippet.textContent = `<script type="module" src="${origin}/review-elements.js"></script>

<review-source api="${origin}/v1" review="${review}">
${inner}
</review-source>`;
  const source = document.createElement('review-source');
  source.setAttribute('api', '/v1');
  source.setAttribute('review', review);
  source.append(...elementsFor(names));
  preview.replaceChildren(source);
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
  update();
}

document.getElementById('embed-copy').addEventListener('click', async () => {
  const status = document.getElementById('embed-copied');
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Select the snippet and copy it with your keyboard.';
  }
});

start();
