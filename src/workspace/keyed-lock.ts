/** Runs callbacks one at a time per key, in call order; different keys run concurrently. */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const { promise: done, resolve: release } = Promise.withResolvers<void>();
    const tail = previous.then(() => done);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      // The last holder leaves no entry behind, so the map does not grow with every repository.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Whether anyone holds or waits for the key. */
  isHeld(key: string): boolean {
    return this.#tails.has(key);
  }
}
