/**
 * Keeps the first and last `limit / 2` bytes of a stream and counts the rest, so megabytes
 * of output cost a fixed amount of memory and the reader still sees how it began and ended.
 */
export class HeadTailBuffer {
  readonly #half: number;
  #head: Buffer[] = [];
  #headBytes = 0;
  #tail: Buffer[] = [];
  #tailBytes = 0;
  #total = 0;

  constructor(limitBytes: number) {
    this.#half = Math.max(1, Math.floor(limitBytes / 2));
  }

  push(chunk: Buffer): void {
    this.#total += chunk.length;
    let rest = chunk;
    if (this.#headBytes < this.#half) {
      const take = rest.subarray(0, this.#half - this.#headBytes);
      this.#head.push(take);
      this.#headBytes += take.length;
      rest = rest.subarray(take.length);
    }
    if (rest.length === 0) return;
    this.#tail.push(rest);
    this.#tailBytes += rest.length;
    this.#trimTail();
  }

  get truncated(): boolean {
    return this.#total > this.#headBytes + this.#tailBytes;
  }

  /** Bytes held in memory: never more than the limit. */
  get retainedBytes(): number {
    return this.#headBytes + this.#tailBytes;
  }

  get totalBytes(): number {
    return this.#total;
  }

  text(): string {
    const head = Buffer.concat(this.#head).toString("utf8");
    const tail = Buffer.concat(this.#tail).toString("utf8");
    if (!this.truncated) return head + tail;
    const cut = this.#total - this.#headBytes - this.#tailBytes;
    return `${head}\n[… ${cut} bytes of output cut; the first and last ${this.#half} bytes are kept …]\n${tail}`;
  }

  #trimTail(): void {
    while (this.#tailBytes > this.#half) {
      const excess = this.#tailBytes - this.#half;
      const first = this.#tail[0]!;
      if (first.length <= excess) {
        this.#tail.shift();
        this.#tailBytes -= first.length;
      } else {
        // Copy so the kept slice does not pin the whole original chunk in memory.
        this.#tail[0] = Buffer.from(first.subarray(excess));
        this.#tailBytes -= excess;
      }
    }
  }
}
