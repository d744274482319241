import { countTokens } from "./tokens.ts";

/** Most tokens of one tool output the loop keeps, unless told otherwise. */
export const DEFAULT_OUTPUT_TOKENS = 4_000;
/** Below this the elision note would not leave room for any output. */
export const MIN_OUTPUT_TOKENS = 100;
/** Room kept for the elision note and its line breaks. */
const NOTE_TOKENS = 40;
/** Text this many times longer in characters than the budget in tokens is cut without counting the whole. */
const CHARS_PER_TOKEN_CEILING = 16;
/** A cut moves to a line break when that keeps at least this share of the piece. */
const LINE_SNAP_SHARE = 0.75;
/** Larger middles are estimated from the kept text's density instead of tokenised. */
const EXACT_COUNT_CHARS = 200_000;

/**
 * Keeps the head and the tail of a long output (a command's start and its verdict) and
 * replaces the middle by one line saying how much was cut. The result is at most `maxTokens`.
 * Megabytes are cut by characters first: only the kept pieces are tokenised.
 */
export function truncateOutput(text: string, maxTokens: number = DEFAULT_OUTPUT_TOKENS): string {
  if (!Number.isInteger(maxTokens) || maxTokens < MIN_OUTPUT_TOKENS) {
    throw new RangeError(`truncateOutput needs a whole number of at least ${MIN_OUTPUT_TOKENS} tokens, got ${maxTokens}; raise the tool output budget.`);
  }
  if (text.length <= maxTokens * CHARS_PER_TOKEN_CEILING && countTokens(text) <= maxTokens) return text;
  const share = Math.floor((maxTokens - NOTE_TOKENS) / 2);
  const head = fitPiece(text, share, "head");
  const tail = fitPiece(text.slice(head.text.length), share, "tail");
  const middle = text.slice(head.text.length, text.length - tail.text.length);
  const before = head.text === "" || head.text.endsWith("\n") ? "" : "\n";
  const after = tail.text === "" || tail.text.startsWith("\n") ? "" : "\n";
  return `${head.text}${before}${elisionNote(middle, head, tail)}${after}${tail.text}`;
}

type Piece = { text: string; tokens: number };

/** The longest head (or tail) within `budget` tokens, found by shrinking a character cut; ends on a line break when one is near. */
function fitPiece(text: string, budget: number, end: "head" | "tail"): Piece {
  let chars = Math.min(text.length, budget * 4);
  for (;;) {
    let piece = end === "head" ? text.slice(0, chars) : text.slice(text.length - chars);
    piece = withoutBrokenSurrogate(piece, end);
    const tokens = countTokens(piece);
    if (tokens <= budget) return snapToLine({ text: piece, tokens }, end);
    chars = Math.floor((piece.length * budget * 0.95) / tokens);
  }
}

function snapToLine(piece: Piece, end: "head" | "tail"): Piece {
  const at = (end === "head" ? piece.text.lastIndexOf("\n") : piece.text.indexOf("\n")) + 1;
  const kept = end === "head" ? at : piece.text.length - at;
  if (at <= 0 || kept < piece.text.length * LINE_SNAP_SHARE) return piece;
  const text = end === "head" ? piece.text.slice(0, at) : piece.text.slice(at);
  return { text, tokens: countTokens(text) };
}

function withoutBrokenSurrogate(piece: string, end: "head" | "tail"): string {
  const code = end === "head" ? piece.charCodeAt(piece.length - 1) : piece.charCodeAt(0);
  if (end === "head" && code >= 0xd800 && code <= 0xdbff) return piece.slice(0, -1);
  if (end === "tail" && code >= 0xdc00 && code <= 0xdfff) return piece.slice(1);
  return piece;
}

function elisionNote(middle: string, head: Piece, tail: Piece): string {
  const lines = countNewlines(middle) + (middle.endsWith("\n") ? 0 : 1);
  const keptChars = head.text.length + tail.text.length;
  const charsPerToken = keptChars > 0 && head.tokens + tail.tokens > 0 ? keptChars / (head.tokens + tail.tokens) : 4;
  const tokens =
    middle.length <= EXACT_COUNT_CHARS ? `${format(countTokens(middle))} tokens` : `about ${format(Math.round(middle.length / charsPerToken))} tokens`;
  return `[… ${format(lines)} ${lines === 1 ? "line" : "lines"} (${tokens}) cut from the middle of this output …]`;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function format(count: number): string {
  return count.toLocaleString("en-US");
}
