import { expect, test } from "@jest/globals";
import { findGenericSecrets } from "../../src/policy/generic-secret.ts";
import { fake } from "./support/fake-secrets.ts";

/*
 * The generic rule's edges (mutation testing): each key spelling, each place an unquoted value
 * may start, and each test a value passes to count as random. A spelling or a form missed here
 * is a credential pushed without a finding.
 */

function flagged(line: string): string[] {
  return findGenericSecrets(line).map(({ start, end }) => line.slice(start, end));
}

test.each(["apiKey", "accessKey", "access_key", "privateKey", "private_key"])("a value assigned to %s is flagged", (key) => {
  expect(flagged(`${key} = "${fake.apiSecret}"`)).toEqual([fake.apiSecret]);
});

test.each([
  ["an indented YAML key", `    password: ${fake.apiSecret}`],
  ["export followed by two spaces", `export  DB_PASSWORD=${fake.apiSecret}`],
  ["a YAML list item with two spaces after the dash", `-  password: ${fake.apiSecret}`],
  ["a quoted YAML key", `'password': ${fake.apiSecret}`],
])("an unquoted value counts after %s", (_form, line) => {
  expect(flagged(line)).toEqual([fake.apiSecret]);
});

test("a value of 16 random characters is flagged", () => {
  expect(flagged('token = "k3Jq9ZbX2mPw7RtY"')).toEqual(["k3Jq9ZbX2mPw7RtY"]);
});

test("a value of 15 random characters is too short", () => {
  expect(flagged('token = "k3Jq9ZbX2mPw7Rt"')).toEqual([]);
});

test("a value exactly at the entropy floor (3.5 bits a character) is flagged", () => {
  expect(flagged('token = "A7A7k2k2Bx9QmZ4w"')).toEqual(["A7A7k2k2Bx9QmZ4w"]);
});

test("a value without letters is not a secret (a phone number)", () => {
  expect(flagged('token = "+1-202-555-0143/9876"')).toEqual([]);
});

test("a value without digits is not a secret, however mixed its punctuation", () => {
  expect(flagged('token = "Kx+Jq/Wv=Zb-Tr.Ym~Hn_Pa"')).toEqual([]);
});

test("a random value behind a word-like prefix (live_…) is still a secret", () => {
  expect(flagged('token = "live_k3Jq9ZbX2mPw7RtY8v"')).toEqual(["live_k3Jq9ZbX2mPw7RtY8v"]);
});

test("a resource path with a leading slash is a name, not a secret", () => {
  expect(flagged('secretName = "/projects/4567/locations/global/keys"')).toEqual([]);
});
