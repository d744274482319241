import { expect, test } from "@jest/globals";
import { defaultBranchFor } from "../../src/cli/branch-name.ts";

test("the default branch is the title in a few words and six hex digits of the issue", () => {
  expect(defaultBranchFor({ title: "add() subtracts!", body: "It should add." })).toMatch(/^ferry\/add-subtracts-[0-9a-f]{6}$/);
});

test("issues whose titles have no Latin letters get different branches", () => {
  const first = defaultBranchFor({ title: "修复加法", body: "" });
  const second = defaultBranchFor({ title: "Исправить сложение", body: "" });
  expect(first).toMatch(/^ferry\/change-[0-9a-f]{6}$/);
  expect(second).toMatch(/^ferry\/change-[0-9a-f]{6}$/);
  expect(first).not.toBe(second);
});

test("the same title with another body is another branch", () => {
  expect(defaultBranchFor({ title: "Fix it", body: "in a.ts" })).not.toBe(defaultBranchFor({ title: "Fix it", body: "in b.ts" }));
});

test("accented letters keep their base letter in the slug", () => {
  expect(defaultBranchFor({ title: "Café crème", body: "" })).toMatch(/^ferry\/cafe-creme-/);
});
