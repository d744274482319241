import { describe, expect, test } from "@jest/globals";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

// paths.deny is about writes: the agent may still read what it may not change.
describe("path guard for reads", () => {
  const workspace = useToolWorkspaces();

  test("a file under paths.deny can still be read", async () => {
    const { call, trajectory } = await workspace({
      files: { ".github/workflows/ci.yml": "on: push\n" },
      policy: { paths: { deny: [".github/workflows/**"] } },
    });
    const result = await call("read_file", { path: ".github/workflows/ci.yml" });
    expect(result.isError).toBe(false);
    expect(result.output).toContain("on: push");
    expect(trajectory.ofType("policy")).toEqual([]);
  });
});
