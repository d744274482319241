const SIMPLE: Record<string, string> = { a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };

/**
 * The text of bash's `$'…'` quoting, escapes decoded: `$'\x67it'` is `git`, as the command
 * receives it. `raw` is what stands between the quotes.
 */
export function decodeAnsiC(raw: string): string {
  return raw.replace(/\\(?:x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8})|([0-7]{1,3})|c(.)|([\s\S]))/g, (whole, hex?: string, u4?: string, u8?: string, octal?: string, control?: string, other?: string) => {
    const code = hex ?? u4 ?? u8;
    if (code !== undefined) return fromCode(Number.parseInt(code, 16));
    if (octal !== undefined) return fromCode(Number.parseInt(octal, 8) & 0xff);
    if (control !== undefined) return String.fromCharCode(control.toUpperCase().charCodeAt(0) ^ 0x40);
    return other !== undefined ? (SIMPLE[other] ?? whole) : whole;
  });
}

function fromCode(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
}
