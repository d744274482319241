import { describe, expect, test } from "@jest/globals";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

const files = {
  "src/a.ts": "const foo = 1;\nconst bar = 2;\n",
  "src/b.ts": "// fooo\nexport const baz = 3;\n",
  "docs/readme.md": "nothing here\n",
  ".git/config": "foo = hidden\n",
};

describe("search", () => {
  const workspace = useToolWorkspaces();

  test("finds lines matching an extended regex as path:line:text, skipping .git", async () => {
    const { call } = await workspace({ files });
    const result = await call("search", { pattern: "fo+|ba[z]" });
    expect(result.isError).toBe(false);
    expect(result.output.split("\n").sort()).toEqual(["src/a.ts:1:const foo = 1;", "src/b.ts:1:// fooo", "src/b.ts:2:export const baz = 3;"]);
    expect(result.details).toMatchObject({ exitCode: 0, matches: 3 });
  });

  test("path narrows the search to a directory", async () => {
    const { call } = await workspace({ files });
    expect((await call("search", { pattern: "here|foo", path: "docs" })).output).toBe("docs/readme.md:1:nothing here");
  });

  test("path can name one file, and matches still carry its name", async () => {
    const { call } = await workspace({ files });
    expect((await call("search", { pattern: "const", path: "src/b.ts" })).output).toBe("src/b.ts:2:export const baz = 3;");
  });

  test("no match is not an error", async () => {
    const { call } = await workspace({ files });
    expect(await call("search", { pattern: "absent-term" })).toMatchObject({ isError: false, output: "No matches." });
  });

  test("quotes and spaces in the pattern are searched for, as part of the regex", async () => {
    const { call } = await workspace({ files: { "say.sh": `say "hi" 'there' now\n` } });
    expect((await call("search", { pattern: `"hi" 'there' now` })).output).toBe(`say.sh:1:say "hi" 'there' now`);
  });

  test.each(["$(touch pwned)", "`touch pwned`", "'; touch pwned; '", "x\" ; touch pwned ; echo \""])("%s is a pattern, never executed", async (pattern) => {
    const { call, workDir } = await workspace({ files });
    const result = await call("search", { pattern });
    expect(result.details).toMatchObject({ exitCode: expect.any(Number) });
    expect(existsSync(join(workDir, "pwned"))).toBe(false);
  });

  test("a pattern that starts with a dash is a pattern, not an option", async () => {
    const { call } = await workspace({ files: { "cli.txt": "use -v for more\n" } });
    expect((await call("search", { pattern: "-v" })).output).toBe("cli.txt:1:use -v for more");
  });

  test("an invalid regex is an error with grep's message", async () => {
    const { call } = await workspace({ files });
    expect(await call("search", { pattern: "(" })).toMatchObject({ isError: true, output: expect.stringMatching(/^The search failed: grep: Unmatched \(/) });
  });

  test("matches beyond the cap are cut with a note", async () => {
    const many = Array.from({ length: 250 }, (_, index) => `match ${index}`).join("\n");
    const { call } = await workspace({ files: { "many.txt": many } });
    const lines = (await call("search", { pattern: "match" })).output.split("\n");
    expect(lines).toHaveLength(201);
    expect(lines[199]).toBe("many.txt:200:match 199");
    expect(lines[200]).toBe("[More than 200 matches; only the first 200 are shown. Narrow the pattern or the path.]");
  });

  test("very long matching lines are cut", async () => {
    const { call } = await workspace({ files: { "min.js": `${"x".repeat(5000)}needle\n` } });
    expect((await call("search", { pattern: "x+needle" })).output).toHaveLength(300);
  });

  test.each(["../", "/etc"])("a path outside the workspace (%s) is refused", async (path) => {
    const { call } = await workspace({ files });
    expect(await call("search", { pattern: "root", path })).toMatchObject({ isError: true, details: { refused: "workspace" } });
  });

  test("a missing path is an error", async () => {
    const { call } = await workspace({ files });
    expect(await call("search", { pattern: "foo", path: "lib" })).toMatchObject({ isError: true, output: expect.stringContaining('"lib" does not exist') });
  });
});
