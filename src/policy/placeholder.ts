const PLACEHOLDER_MARKS = ["example", "xxxx", "****", "...", "your", "dummy", "fake", "placeholder", "redacted", "changeme", "replace"];
const WEAK_WORDS = ["password", "secret", "test", "sample", "mock", "1234", "abcd", "todo"];
const TEMPLATE = /\$\{|\$\(|\{\{|<[^>]*>|%[A-Za-z_]+%|process\.env|os\.environ|getenv/i;

/** Text no one would paste as a real credential: documentation examples and templates. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_MARKS.some((mark) => lower.includes(mark)) || TEMPLATE.test(value)) return true;
  return new Set(value).size < 6;
}

/** A placeholder, or a value built from words people use for made-up secrets in tests. */
export function isMadeUpValue(value: string): boolean {
  const lower = value.toLowerCase();
  return isPlaceholder(value) || WEAK_WORDS.some((word) => lower.includes(word));
}
