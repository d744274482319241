import { describe, expect, test } from "@jest/globals";
import { parseCommentLines } from "../../../src/steering/review/comment-lines.ts";

describe("the agent's line per review comment", () => {
  test("reads `#id: text`, `- #id: text` and `[#id] text` lines", () => {
    const summary = ["Changed the parser.", "", "#11: renamed `x` to `count`", "- #12: added a test", "[#13] nothing to change, it is intended"].join("\n");

    expect(parseCommentLines(summary, [11, 12, 13])).toEqual(
      new Map([
        [11, "renamed `x` to `count`"],
        [12, "added a test"],
        [13, "nothing to change, it is intended"],
      ]),
    );
  });

  test("ignores ids that were not asked about and numbers glued to words", () => {
    const summary = "#99: not a comment of this review\n#11abc: not an id line\nSee #11 below";

    expect(parseCommentLines(summary, [11])).toEqual(new Map());
  });

  test("joins several lines for one id", () => {
    expect(parseCommentLines("#11: first\n#11 - second", [11]).get(11)).toBe("first second");
  });
});
