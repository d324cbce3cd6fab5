/** What every benchmark seeds first: a published review, open for comments, under its id. */
export async function putReview(url, admin, id) {
  const doc = {
    id,
    url: `https://blog.example/${id}`,
    lang: 'en',
    title: id,
    publishedAt: '2025-01-01T00:00:00Z',
    work: { title: id, type: 'movie' },
    comments: { open: true },
  };
  const res = await fetch(`${url}/v1/reviews/${id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(doc),
  });
  if (!res.ok) throw new Error(`PUT /v1/reviews/${id}: ${res.status}`);
}
