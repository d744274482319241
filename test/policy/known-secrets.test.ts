import { expect, test } from "@jest/globals";
import { findKnownSecrets, rememberSecret, rememberShortLivedSecret, rememberUrlSecrets } from "../../src/policy/known-secrets.ts";

const found = (text: string) => findKnownSecrets(text).map(({ start, end }) => text.slice(start, end));

test("a remembered value is found wherever it occurs", () => {
  rememberSecret("plain-value-0001");
  expect(found("a plain-value-0001 b plain-value-0001")).toEqual(["plain-value-0001", "plain-value-0001"]);
});

test("a value too short to be worth a secret's name is not remembered", () => {
  rememberSecret("dev");
  expect(found("dev server")).toEqual([]);
});

test("a multi-line value is found in its JSON-escaped form and line by line", () => {
  const line = "MIIEowIBAAKCAQEAx2n0zO3bB1v3uQk8a5pYc7DqW4rT9sF";
  rememberSecret(`-----BEGIN KEY-----\n${line}\n-----END KEY-----`);
  const escaped = `-----BEGIN KEY-----\\n${line}\\n-----END KEY-----`;
  expect(found(`"key": "${escaped}"`)).toContain(escaped);
  expect(found(`$ cat key.pem | sed -n 2p\n${line}`)).toEqual([line]);
});

test("a URL's password and query values are remembered, its host is not", () => {
  rememberUrlSecrets("https://me:pw-0123456789@proxy.example/v1?api-key=k-0123456789");
  expect(found("proxy.example said pw-0123456789 and k-0123456789")).toEqual(["pw-0123456789", "k-0123456789"]);
});

test("short-lived secrets are kept to the most recent ones", () => {
  const first = "token-first-000000";
  rememberShortLivedSecret(first);
  for (let index = 0; index < 300; index++) rememberShortLivedSecret(`token-${String(index).padStart(12, "0")}`);
  expect(found(first)).toEqual([]);
  expect(found("token-000000000299")).toEqual(["token-000000000299"]);
});
