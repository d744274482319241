/** Larger files are read with shell tools (`sed -n`, `head`), not loaded whole. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Characters of one line shown before it is cut (minified files have lines of megabytes). */
export const MAX_LINE_CHARS = 2000;

/** Lines as an editor counts them: a final newline does not start another line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** `cat -n` style: the number, a tab, the line (long lines cut, saying so). */
export function numberedLine(number: number, line: string): string {
  const shown = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… [${line.length - MAX_LINE_CHARS} more characters on this line]` : line;
  return `${String(number).padStart(6)}\t${shown}`;
}

/** Git's rule of thumb: a NUL byte near the start means binary. */
export const looksBinary = (bytes: Buffer): boolean => bytes.subarray(0, 8000).includes(0);
