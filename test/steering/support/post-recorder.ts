/** Stands in for posting a comment on the issue: keeps the bodies and tells a test when they arrive. */
export function postRecorder() {
  const bodies: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const post = async (body: string): Promise<void> => {
    bodies.push(body);
    for (const waiter of waiters.filter((candidate) => bodies.length >= candidate.count)) waiter.resolve();
  };
  /** Resolves once `count` comments were posted in all. */
  const posted = (count = 1): Promise<void> => {
    if (bodies.length >= count) return Promise.resolve();
    return new Promise((resolve) => waiters.push({ count, resolve }));
  };
  return { bodies, post, posted };
}
