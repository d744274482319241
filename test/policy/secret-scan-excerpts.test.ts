import { expect, test } from "@jest/globals";
import { scanTextForSecrets } from "../../src/policy/secret-scan.ts";
import { fake } from "./support/fake-secrets.ts";

/*
 * A finding's excerpt goes into the refusal the agent and the requester read: it must never hold
 * the secret, and a long line (minified code) is cut to 160 characters around the first mask.
 */

const excerptOf = (line: string) => scanTextForSecrets("bundle.min.js", line).map((finding) => finding.excerpt);
const token = `token="${fake.githubToken}"`;

test("a long line is cut to 160 characters centred on the mask, with an ellipsis each side", () => {
  expect(excerptOf(`${"a".repeat(300)} ${token} ${"b".repeat(300)}`)).toEqual([`…${"a".repeat(72)} token="[redacted]" ${"b".repeat(68)}…`]);
});

test("a long line whose secret is near its start is cut from the start, with no leading ellipsis", () => {
  expect(excerptOf(`${token} ${"b".repeat(300)}`)).toEqual([`token="[redacted]" ${"b".repeat(141)}…`]);
});

test("a long line whose secret is near its end has no trailing ellipsis", () => {
  expect(excerptOf(`${"a".repeat(300)} ${token}`)).toEqual([`…${"a".repeat(72)} token="[redacted]"`]);
});

test("a masked line of exactly 160 characters is kept whole", () => {
  const line = `${token} ${"b".repeat(160 - 19)}`;
  expect(excerptOf(line)).toEqual([`token="[redacted]" ${"b".repeat(141)}`]);
});

test("a masked line of 161 characters is cut", () => {
  expect(excerptOf(`${token} ${"b".repeat(161 - 19)}`)).toEqual([`token="[redacted]" ${"b".repeat(141)}…`]);
});

test("a line under 160 characters is kept whole, however far along its secret is", () => {
  expect(excerptOf(`${"a".repeat(120)} ${token}`)).toEqual([`${"a".repeat(120)} token="[redacted]"`]);
});

test("a long line cut exactly at its end has no trailing ellipsis", () => {
  expect(excerptOf(`${"a".repeat(200)}${token}${"b".repeat(69)}`)).toEqual([`…${"a".repeat(73)}token="[redacted]"${"b".repeat(69)}`]);
});
