// The listing: one request for the list, then a compact card and a comment count per review.
// All the counts on the page share one /v1/comment-counts request (the elements batch them).
const list = document.getElementById('listing');

async function show() {
  const response = await fetch('/v1/reviews?limit=50');
  if (!response.ok) throw new Error(`The reviews could not be listed (${response.status}).`);
  const { items } = await response.json();
  for (const review of items) {
    const item = document.createElement('li');
    const card = document.createElement('review-card');
    card.setAttribute('api', '/v1');
    card.setAttribute('review', review.id);
    card.setAttribute('layout', 'compact');
    card.setAttribute('heading-level', '2');
    const meta = document.createElement('p');
    meta.className = 'meta';
    const link = document.createElement('a');
    link.href = review.id === 'ballerina' ? '/#comments' : `/review/?id=${encodeURIComponent(review.id)}#comments`;
    const count = document.createElement('comment-count');
    count.setAttribute('api', '/v1');
    count.setAttribute('review', review.id);
    link.append(count);
    meta.append(link);
    item.append(card, meta);
    list.append(item);
  }
}

show().catch((error) => {
  const item = document.createElement('li');
  item.textContent = error.message;
  list.append(item);
});
