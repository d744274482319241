/** How a command ended, as the shell reported it on the sentinel line. */
export type CommandEnd = { exitCode: number; oomKills: number };

export type ScanResult = {
  /** Bytes of the command's own output found in this chunk. */
  output: Buffer[];
  end?: CommandEnd;
};

const LINE = /^(\d+)_(\d+)__\n/;

/**
 * Finds the end-of-command line `\n__FERRY_<nonce>_<exit>_<oom>__\n` in a byte stream,
 * across chunk boundaries, holding back at most one line's worth of bytes. The nonce is
 * fresh per command, so the command cannot forge its own end.
 */
export class SentinelScanner {
  readonly #marker: Buffer;
  #carry: Buffer = Buffer.alloc(0);
  #ended = false;

  constructor(nonce: string) {
    this.#marker = Buffer.from(`\n__FERRY_${nonce}_`);
  }

  feed(chunk: Buffer): ScanResult {
    if (this.#ended) return { output: [] };
    const data = this.#carry.length > 0 ? Buffer.concat([this.#carry, chunk]) : chunk;
    const at = data.indexOf(this.#marker);
    if (at >= 0) {
      const match = LINE.exec(data.subarray(at + this.#marker.length, at + this.#marker.length + 48).toString("latin1"));
      if (match) {
        this.#ended = true;
        this.#carry = Buffer.alloc(0);
        return { output: [data.subarray(0, at)], end: { exitCode: Number(match[1]), oomKills: Number(match[2]) } };
      }
      // The marker is here but its line is not complete yet: keep it for the next chunk.
      this.#carry = Buffer.from(data.subarray(at));
      return { output: [data.subarray(0, at)] };
    }
    // Hold back a tail that could be the start of the marker.
    const keep = Math.min(data.length, this.#marker.length - 1);
    this.#carry = Buffer.from(data.subarray(data.length - keep));
    return { output: [data.subarray(0, data.length - keep)] };
  }

  /** Whatever was held back, for when the stream ends without a sentinel. */
  flush(): Buffer {
    const rest = this.#carry;
    this.#carry = Buffer.alloc(0);
    return rest;
  }
}
