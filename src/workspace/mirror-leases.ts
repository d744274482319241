/** Counts the task checkouts borrowing objects from each mirror, so eviction leaves those mirrors alone. */
export class MirrorLeases {
  readonly #counts = new Map<string, number>();

  /** Takes a lease; the returned function gives it back (calling it twice gives back one lease only). */
  acquire(mirrorDir: string): () => void {
    this.#counts.set(mirrorDir, (this.#counts.get(mirrorDir) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#counts.get(mirrorDir) ?? 1) - 1;
      if (left > 0) this.#counts.set(mirrorDir, left);
      else this.#counts.delete(mirrorDir);
    };
  }

  isInUse(mirrorDir: string): boolean {
    return this.#counts.has(mirrorDir);
  }
}
