import type { Code, Construct, Effects, State, TokenizeContext } from "micromark-util-types";

/*
 * An inline open tag as CommonMark defines it, for the one case micromark rejects and
 * GitHub's parser (cmark-gfm) accepts: an unquoted attribute value holding a slash
 * (`<img alt=x src=a/b>`). Read as text, its attributes would reach the model although GitHub
 * hides them, and an agent's `<img src=https://…/x>` would be fetched. Tried before micromark's
 * own construct and giving the same `htmlText` token, so every other tag reads as before.
 * Single-line tags only: a tag over several lines is left to micromark.
 */

const code = (char: string): number => char.charCodeAt(0);
const [LT, GT, SLASH, EQUALS, QUOTE, APOSTROPHE, BACKTICK] = ["<", ">", "/", "=", '"', "'", "`"].map(code);
const isAlpha = (c: Code): boolean => c !== null && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
const isDigit = (c: Code): boolean => c !== null && c >= 48 && c <= 57;
const isSpace = (c: Code): boolean => c === 9 || c === 32 || c === -2 || c === -1;
const isLineEnd = (c: Code): boolean => c === null || c < 0 || c === 10 || c === 13;
const isNameStart = (c: Code): boolean => isAlpha(c) || c === code("_") || c === code(":");
const isNameChar = (c: Code): boolean => isNameStart(c) || isDigit(c) || c === code(".") || c === code("-");
const endsUnquoted = (c: Code): boolean => isLineEnd(c) || isSpace(c) || [QUOTE, APOSTROPHE, EQUALS, LT, GT, BACKTICK].includes(c ?? -3);

export const specOpenTag: Construct = { name: "specOpenTag", tokenize: tokenizeOpenTag };

function tokenizeOpenTag(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let quote: Code = null;
  const take = (next: State): State => (c) => {
    effects.consume(c);
    return next;
  };

  const end: State = (c) => {
    if (c !== GT) return nok(c);
    effects.consume(c);
    effects.exit("htmlTextData");
    effects.exit("htmlText");
    return ok;
  };
  const selfClosing: State = (c) => (c === SLASH ? take(end)(c) : end(c));
  /** After whitespace: another attribute, or the end of the tag. */
  const afterSpace: State = (c) => {
    if (isSpace(c)) return take(afterSpace)(c);
    if (isNameStart(c)) return take(attributeName)(c);
    return selfClosing(c);
  };
  /** After the tag name or an attribute: whitespace, or the end of the tag. */
  const between: State = (c) => (isSpace(c) ? take(afterSpace)(c) : selfClosing(c));
  const attributeName: State = (c) => (isNameChar(c) ? take(attributeName)(c) : afterName(c));
  const afterName: State = (c) => {
    if (isSpace(c)) return take(afterNameSpace)(c);
    if (c === EQUALS) return take(valueBefore)(c);
    return selfClosing(c);
  };
  const afterNameSpace: State = (c) => {
    if (isSpace(c)) return take(afterNameSpace)(c);
    if (c === EQUALS) return take(valueBefore)(c);
    if (isNameStart(c)) return take(attributeName)(c);
    return selfClosing(c);
  };
  const valueBefore: State = (c) => {
    if (isSpace(c)) return take(valueBefore)(c);
    if (c === QUOTE || c === APOSTROPHE) {
      quote = c;
      return take(quoted)(c);
    }
    return endsUnquoted(c) ? nok(c) : take(unquoted)(c);
  };
  const quoted: State = (c) => {
    if (isLineEnd(c)) return nok(c);
    return c === quote ? take(between)(c) : take(quoted)(c);
  };
  const unquoted: State = (c) => (endsUnquoted(c) ? between(c) : take(unquoted)(c));
  const tagName: State = (c) => (isAlpha(c) || isDigit(c) || c === code("-") ? take(tagName)(c) : between(c));
  const nameStart: State = (c) => (isAlpha(c) ? take(tagName)(c) : nok(c));

  return (c) => {
    if (c !== LT) return nok(c);
    effects.enter("htmlText");
    effects.enter("htmlTextData");
    effects.consume(c);
    return nameStart;
  };
}
