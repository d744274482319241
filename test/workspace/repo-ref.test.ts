import { expect, test } from "@jest/globals";
import { repoRefSchema } from "../../src/workspace/repo-ref.ts";

const valid = { cloneUrl: "https://github.com/octo/hello.git", owner: "octo", name: "hello" };

test("a payload's clone URL, owner and name are accepted", () => {
  expect(repoRefSchema.parse(valid)).toEqual(valid);
});

test("names that could step out of the mirrors directory are refused", () => {
  expect(repoRefSchema.safeParse({ ...valid, name: ".." }).success).toBe(false);
  expect(repoRefSchema.safeParse({ ...valid, owner: "a/b" }).success).toBe(false);
});

test("clone URLs other than http(s) are refused", () => {
  expect(repoRefSchema.safeParse({ ...valid, cloneUrl: "ext::sh -c touch% /tmp/pwned" }).success).toBe(false);
  expect(repoRefSchema.safeParse({ ...valid, cloneUrl: "file:///etc" }).success).toBe(false);
});

test("a clone URL carrying credentials is refused", () => {
  expect(repoRefSchema.safeParse({ ...valid, cloneUrl: "https://x-access-token:ghs_x@github.com/octo/hello.git" }).success).toBe(false);
});
