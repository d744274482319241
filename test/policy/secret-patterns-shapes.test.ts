import { expect, test } from "@jest/globals";
import { scanTextForSecrets } from "../../src/policy/secret-scan.ts";
import { fake } from "./support/fake-secrets.ts";

/*
 * Ferry's own shape patterns, those secretlint's preset lacks (mutation testing): each names its
 * kind in the refusal, each skips an obvious placeholder, and a private key is never one.
 */

const kinds = (text: string) => scanTextForSecrets("notes.txt", text).map((finding) => finding.kind);

test.each([
  ["openrouter-key", fake.openrouterKey],
  ["anthropic-key", fake.anthropicAdminKey],
  ["google-api-key", fake.googleApiKey],
  ["jwt", fake.jwt],
])("kind %s is reported by name", (kind, secret) => {
  expect(kinds(`value ${secret}`)).toEqual([kind]);
});

test.each([
  ["an Anthropic admin key", `sk-ant-admin01-${"x".repeat(40)}`],
  ["a Google API key", `AIza${"x".repeat(35)}`],
  ["a JWT", "eyJxxxxxxxxxxxx.eyJxxxxxxxxxxxx.xxxxxxxx"],
])("%s made of placeholder characters is not flagged", (_name, placeholder) => {
  expect(kinds(`value ${placeholder}`)).toEqual([]);
});

test("a run one character longer than a Google API key is not taken for one", () => {
  expect(kinds(`value ${fake.googleApiKey}Z`)).toEqual([]);
});

test("a private key whose body happens to read like a placeholder word is still flagged", () => {
  const [first = "", ...rest] = fake.privateKeyBody;
  const text = [fake.privateKeyBegin, `${first.slice(0, 20)}Fake${first.slice(24)}`, ...rest, fake.privateKeyEnd].join("\n");
  expect(kinds(text)).toEqual(["private-key"]);
});
