import { describe, expect, test } from "@jest/globals";
import { argumentsForTrajectory } from "../../../src/agent/tools/trajectory-arguments.ts";

describe("argumentsForTrajectory", () => {
  test("short values are kept as they are", () => {
    expect(argumentsForTrajectory({ path: "src/a.ts", start_line: 3, flags: [true, null] })).toEqual({ path: "src/a.ts", start_line: 3, flags: [true, null] });
  });

  test("long strings, at any depth, keep a head and say how long they were", () => {
    const content = "a\n".repeat(150);
    expect(argumentsForTrajectory({ edits: [{ new: content }] })).toEqual({ edits: [{ new: `${content.slice(0, 80)}… [300 characters, 151 lines]` }] });
  });
});
