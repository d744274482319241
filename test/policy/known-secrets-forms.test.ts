import { expect, test } from "@jest/globals";
import { findKnownSecrets, rememberSecret, rememberShortLivedSecret, rememberUrlSecrets } from "../../src/policy/known-secrets.ts";
import { scanTextForSecrets } from "../../src/policy/secret-scan.ts";

/*
 * Ferry's own secrets are found by value in every form they are written in (mutation testing).
 * The registry is process-wide, and Jest gives each test file its own: values here are unique.
 */

const found = (text: string) => findKnownSecrets(text).map(({ start, end }) => text.slice(start, end));

test("a value of exactly eight characters is remembered", () => {
  rememberSecret("8chars-A");
  expect(found("x 8chars-A y")).toEqual(["8chars-A"]);
});

test("a value of seven characters is not", () => {
  rememberSecret("7char-B");
  expect(found("x 7char-B y")).toEqual([]);
});

test("a value is remembered without the whitespace around it (a secret file's trailing newline)", () => {
  rememberSecret("  padded-value-C01\n");
  expect(found("key=padded-value-C01;")).toEqual(["padded-value-C01"]);
});

test("a value is found in its URL-encoded form", () => {
  rememberSecret("url/enc+value=D01");
  expect(found("?k=url%2Fenc%2Bvalue%3DD01&x=1")).toEqual(["url%2Fenc%2Bvalue%3DD01"]);
});

test("a value is found in its JSON-escaped form", () => {
  rememberSecret('json"quoted\\value-E01');
  expect(found('{"k": "json\\"quoted\\\\value-E01"}')).toEqual(['json\\"quoted\\\\value-E01']);
});

test("a CRLF key's lines of 32 characters are remembered one by one, its armour lines are not", () => {
  const line = "F".repeat(16) + "0123456789abcdef";
  rememberSecret(`-----BEGIN TEST KEY F-----\r\n${line}\r\n-----END TEST KEY F-----`);
  expect(found(`line: ${line}`)).toEqual([line]);
  expect(found("-----BEGIN TEST KEY F-----")).toEqual([]);
});

test("a key line of 31 characters is too short to be remembered alone", () => {
  const line = "G".repeat(15) + "0123456789abcdef";
  rememberSecret(`-----BEGIN TEST KEY G-----\n${line}\n-----END TEST KEY G-----`);
  expect(found(`line: ${line}`)).toEqual([]);
});

test("every occurrence is found, back to back too", () => {
  rememberSecret("twice-H0001");
  expect(found("twice-H0001twice-H0001")).toEqual(["twice-H0001", "twice-H0001"]);
});

test("the 256 most recent short-lived tokens are all kept", () => {
  rememberShortLivedSecret("short-lived-I-first");
  for (let index = 1; index < 256; index++) rememberShortLivedSecret(`short-lived-I-${String(index).padStart(4, "0")}`);
  expect(found("short-lived-I-first")).toEqual(["short-lived-I-first"]);
});

test("a short-lived token remembered again counts as recent", () => {
  rememberShortLivedSecret("short-lived-J-first");
  for (let index = 1; index < 256; index++) rememberShortLivedSecret(`short-lived-J-${String(index).padStart(4, "0")}`);
  rememberShortLivedSecret("short-lived-J-first");
  rememberShortLivedSecret("short-lived-J-newer");
  expect(found("short-lived-J-first")).toEqual(["short-lived-J-first"]);
});

test("a URL's percent-encoded password is remembered decoded", () => {
  rememberUrlSecrets("https://me:p%40ss-K0123456@proxy.example/");
  expect(found("said p@ss-K0123456")).toEqual(["p@ss-K0123456"]);
});

test("a text that is not a URL remembers nothing", () => {
  rememberUrlSecrets("not a url L0123456789");
  expect(found("not a url L0123456789")).toEqual([]);
});

test("where one remembered secret holds another, the scan's excerpt masks the longer whole", () => {
  rememberSecret("nested-M01");
  rememberSecret("nested-M01-and-more-M02");
  expect(scanTextForSecrets("log.txt", "v=nested-M01-and-more-M02").map((finding) => finding.excerpt)).toEqual(["v=[redacted]"]);
});

test("an unset setting remembers nothing and does not throw", () => {
  expect(() => rememberSecret(undefined)).not.toThrow();
});

test("values too short to remember do not push a real token out of the short-lived list", () => {
  rememberShortLivedSecret("short-lived-N-first");
  for (let index = 1; index < 256; index++) rememberShortLivedSecret(`short-lived-N-${String(index).padStart(4, "0")}`);
  rememberShortLivedSecret("tiny");
  expect(found("short-lived-N-first")).toEqual(["short-lived-N-first"]);
});

test("Ferry's own secret blocks the push even when it reads like a placeholder", () => {
  rememberSecret("your-webhook-secret-O01");
  expect(scanTextForSecrets("notes.txt", "hook: your-webhook-secret-O01").map((finding) => finding.kind)).toEqual(["ferry-secret"]);
});

test("a key's armour line with trailing spaces is not remembered as a key line", () => {
  const armour = "-----BEGIN LONGER TEST KEY P-----  ";
  rememberSecret(`${armour}\n${"P".repeat(16)}0123456789abcdef\n-----END LONGER TEST KEY P-----`);
  expect(found(armour)).toEqual([]);
});
