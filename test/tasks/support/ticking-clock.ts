/** A clock that starts at a fixed instant and moves one second per reading, so timestamps are distinct and predictable. */
export function tickingClock(start = "2025-01-01T00:00:00.000Z"): () => Date {
  let next = Date.parse(start);
  return () => {
    const now = new Date(next);
    next += 1000;
    return now;
  };
}
