import { describe, expect, test } from "@jest/globals";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

describe("finish", () => {
  const workspace = useToolWorkspaces();

  test("returns the summary as the agent's request to finish", async () => {
    const { call } = await workspace();
    expect(await call("finish", { summary: "Fixed the off-by-one in paginate(); added a test." })).toMatchObject({
      isError: false,
      finish: { summary: "Fixed the off-by-one in paginate(); added a test." },
    });
  });

  test("a summary is required", async () => {
    const { call } = await workspace();
    const result = await call("finish", {});
    expect(result).toMatchObject({ isError: true, output: expect.stringContaining('"summary" is required') });
    expect(result.finish).toBeUndefined();
  });
});
