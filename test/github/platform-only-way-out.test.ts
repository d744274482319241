import { expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** Where a client is made, and so where the platform over it is made. */
const PLATFORM_MAKERS = ["intake/event-context.ts", "start.ts"];

/** Files outside `github/` that import `module` from it. */
function importersOf(module: string): string[] {
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".ts") && !path.startsWith("github/"));
  return files.filter((path) => new RegExp(`from "[./]*github/${module}"`).test(readFileSync(SRC + path, "utf8"))).sort();
}

test("code above github/ holds a GitHub: only where a client is made is the Octokit platform built", () => {
  expect(importersOf("octokit-platform.ts")).toEqual(PLATFORM_MAKERS);
});

test("no code above github/ takes the raw Octokit client type", () => {
  expect(importersOf("client.ts")).toEqual([]);
});
