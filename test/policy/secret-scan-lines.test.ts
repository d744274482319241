import { expect, test } from "@jest/globals";
import { scanTextForSecrets } from "../../src/policy/secret-scan.ts";
import { fake } from "./support/fake-secrets.ts";

/*
 * How a text is cut into lines for the scan (mutation testing): which line a finding is on, and
 * that its excerpt, shown to the agent and the requester, is that line alone with every secret
 * touching it masked, a private key that runs over several lines included.
 */

const findings = (text: string) => scanTextForSecrets("notes.txt", text).map(({ line, kind, excerpt }) => ({ line, kind, excerpt }));
const [body1 = "", body2 = ""] = fake.privateKeyBody;

test("a line that starts with a carriage return (a progress bar's redraw) still has its token found", () => {
  expect(findings(`\rtoken: ${fake.githubToken}\n`)).toEqual([{ line: 1, kind: "github-token", excerpt: "token: [redacted]" }]);
});

test("a token on a private key's body line is excerpted with the key's body masked too", () => {
  const text = [fake.privateKeyBegin, body1, `${body2} ${fake.githubToken}`].join("\n");
  expect(findings(text)).toEqual([
    { line: 1, kind: "private-key", excerpt: "[redacted]" },
    { line: 3, kind: "github-token", excerpt: "[redacted] [redacted]" },
  ]);
});

test("a token on the line after a private key is excerpted with that line alone", () => {
  const text = [fake.privateKeyBegin, body1, `const t = "${fake.githubToken}";`].join("\n");
  expect(findings(text)).toEqual([
    { line: 1, kind: "private-key", excerpt: "[redacted]" },
    { line: 3, kind: "github-token", excerpt: 'const t = "[redacted]";' },
  ]);
});

test("a real token on a line that also says example is still found", () => {
  expect(findings(`token: ${fake.githubToken} # see the example below`)).toEqual([
    { line: 1, kind: "github-token", excerpt: "token: [redacted] # see the example below" },
  ]);
});

test("an unquoted secret on a middle line is found on its line", () => {
  expect(findings(`A=1\nPASSWORD=${fake.apiSecret}\nB=2\n`)).toEqual([{ line: 2, kind: "generic-secret", excerpt: "PASSWORD=[redacted]" }]);
});

test("an unquoted secret on a last line without a newline, after a blank line, is masked whole", () => {
  expect(findings(`# env\n\nPASSWORD=${fake.apiSecret}`)).toEqual([{ line: 3, kind: "generic-secret", excerpt: "PASSWORD=[redacted]" }]);
});

test("the excerpt of a finding on the first of two lines is that line alone", () => {
  expect(findings(`token: ${fake.githubToken}\nnext line`)).toEqual([{ line: 1, kind: "github-token", excerpt: "token: [redacted]" }]);
});
