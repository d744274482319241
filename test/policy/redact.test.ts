import { expect, test } from "@jest/globals";
import { redact } from "../../src/policy/secret-ranges.ts";

test("every occurrence of a secret is replaced", () => {
  expect(redact("token abc then abc again", ["abc"])).toBe("token [redacted] then [redacted] again");
});

test("a longer secret containing a shorter one is replaced whole", () => {
  expect(redact("header eC1hY2Nlc3MtdG9rZW46YWJj", ["abc", "eC1hY2Nlc3MtdG9rZW46YWJj"])).toBe("header [redacted]");
});

test("empty secrets are ignored rather than splitting every character", () => {
  expect(redact("plain text", [""])).toBe("plain text");
});
