import { expect, test } from "@jest/globals";
import { findGenericSecrets } from "../../src/policy/generic-secret.ts";
import { fake } from "./support/fake-secrets.ts";

function flagged(line: string): string[] {
  return findGenericSecrets(line).map(({ start, end }) => line.slice(start, end));
}

test("a random value assigned to a secret-named key is flagged, the value alone", () => {
  expect(flagged(`const apiSecret = "${fake.apiSecret}";`)).toEqual([fake.apiSecret]);
});

test.each([
  ["a JSON key", `"api_key": "${fake.apiSecret}"`],
  ["a YAML key", `  access_token: '${fake.apiSecret}'`],
  ["an env assignment", `export DB_PASSWORD=${fake.apiSecret}`],
  ["a Python keyword argument", `connect(password="${fake.apiSecret}")`],
  ["a Go short declaration", `token := "${fake.apiSecret}"`],
])("key forms: %s", (_form, line) => {
  expect(flagged(line)).toEqual([fake.apiSecret]);
});

test("a value assigned to a key that is not secret-named is not flagged", () => {
  expect(flagged(`const checksum = "${fake.apiSecret}";`)).toEqual([]);
});

test("an unquoted value in code is an expression, not a secret", () => {
  expect(flagged("const token = session.credentials2.accessTokenV2;")).toEqual([]);
});

test("a URL is not a secret value", () => {
  expect(flagged('token_endpoint = "https://auth.acme.io/oauth2/v3/tokens"')).toEqual([]);
});

test("a resource name made of words and numbers is not a secret", () => {
  expect(flagged('secretName = "projects/4567/locations/global/keys"')).toEqual([]);
});

test("a made-up value for tests is not a secret", () => {
  expect(flagged('apiKey: "test-key-1234567890abcdef"')).toEqual([]);
});

test("a repetitive value is not random enough", () => {
  expect(flagged('password = "aaaaaaaaaaaaaaaaaaaaaa1bcdef"')).toEqual([]);
});

test("a short value is not flagged", () => {
  expect(flagged('password = "hunter2x9"')).toEqual([]);
});

test("a value without digits is not flagged (identifiers, words)", () => {
  expect(flagged('token = "AuthorizationHeaderValueForRequests"')).toEqual([]);
});

test("a secret-named key inside an object literal on a minified line is found", () => {
  expect(flagged(`var a={token:"${fake.apiSecret}",b:1}`)).toEqual([fake.apiSecret]);
});
