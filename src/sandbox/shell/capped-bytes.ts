/** Collects a file operation's output byte for byte, up to a limit; past it the rest is dropped and counted. */
export class CappedBytes {
  readonly #limit: number;
  #chunks: Buffer[] = [];
  #kept = 0;
  #total = 0;

  constructor(limitBytes: number) {
    this.#limit = limitBytes;
  }

  push(chunk: Buffer): void {
    this.#total += chunk.length;
    const room = this.#limit - this.#kept;
    if (room <= 0) return;
    const take = chunk.length <= room ? chunk : chunk.subarray(0, room);
    this.#chunks.push(Buffer.from(take));
    this.#kept += take.length;
  }

  get overflowed(): boolean {
    return this.#total > this.#kept;
  }

  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}
