import { describe, expect, test } from "@jest/globals";
import { checkWorkspacePath } from "../../../src/agent/tools/workspace-path.ts";

describe("checkWorkspacePath (the host's first filter, on the text alone)", () => {
  test("a path is normalised", () => {
    expect(checkWorkspacePath("./src//index.ts/", "read")).toEqual({ ok: true, relative: "src/index.ts" });
  });

  test("a `..` that stays inside the workspace is fine", () => {
    expect(checkWorkspacePath("src/../README.md", "write")).toEqual({ ok: true, relative: "README.md" });
  });

  test.each([
    ["../x", "read", "climbs out of the workspace"],
    ["src/../../x", "read", "climbs out of the workspace"],
    ["..", "read", "climbs out of the workspace"],
    ["/etc/passwd", "read", "absolute paths are not allowed"],
    ["src/a\0b", "read", "NUL byte"],
    [".", "write", "workspace root"],
    [".git/hooks/pre-commit", "write", "inside .git"],
    ["sub/.GIT/config", "write", "inside .git"],
  ] as const)("%j (%s) is refused: %s", (path, intent, why) => {
    expect(checkWorkspacePath(path, intent)).toEqual({ ok: false, error: expect.stringContaining(why) });
  });

  test("an empty path is refused with a hint of what to send", () => {
    expect(checkWorkspacePath(" ", "read")).toEqual({ ok: false, error: expect.stringContaining("relative to the workspace root") });
  });

  test("the workspace root and files inside .git can be read", () => {
    expect(checkWorkspacePath(".", "read")).toEqual({ ok: true, relative: "." });
    expect(checkWorkspacePath(".git/HEAD", "read")).toEqual({ ok: true, relative: ".git/HEAD" });
  });
});
