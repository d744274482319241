import { afterEach, expect, test } from "@jest/globals";
import { rm } from "node:fs/promises";
import { exampleArgs, exampleRepo, ferryRun, git } from "./support/ferry-run.ts";

let root = "";
afterEach(() => rm(root, { recursive: true, force: true }));

test("the example model script fixes the example project with no key and no Docker", async () => {
  const { repo, ...dirs } = await exampleRepo();
  root = dirs.root;
  const result = await ferryRun(root, exampleArgs(repo));
  expect(result.stderr).not.toContain("ferry run:");
  expect(result.stdout).toContain("Outcome: changes-ready");
  expect(result.exitCode).toBe(0);
  // No model was called, so nothing was spent.
  expect(result.stdout).toContain("Cost: $0.0000");
  const branch = /Branch: (.+)/.exec(result.stdout)?.[1] ?? "";
  expect(await git(repo, ["show", `${branch}:src/add.js`])).toBe("export const add = (a, b) => a + b;");
});

