// The generic article page: the review named by ?id=, and its summary inside the content warning.
const id = new URLSearchParams(location.search).get('id') ?? 'ballerina';
const source = document.getElementById('article-source');
source.setAttribute('review', id);
source.addEventListener('review-load', (event) => {
  document.title = `${event.review.title} — Doramas`;
  document.getElementById('article-summary').textContent = event.review.summary ?? '';
});
