import { describe, expect, test } from "@jest/globals";
import { renderPrBody } from "../../../src/delivery/publish/pr-body.ts";
import { part, publishRequest } from "./publish-fixtures.ts";

const numbers = [101, 102, 103];

describe("a part's pull request body", () => {
  test("a middle part", () => {
    const request = publishRequest(3);

    expect(renderPrBody({ request, index: 2, numbers })).toMatchSnapshot();
  });

  test("a last part, oversize, with weakened tests, a failed check, an unknown cost and a trajectory kept on the server", () => {
    const base = publishRequest(3);
    const last = part(3, [{ path: "test/limiter.test.ts", lines: 1480 }], {
      oversize: true,
      merged: "it imports src/limiter/step-2.ts and its test would not run without it",
      check: { command: "npm test", passed: false, exitCode: 1, timedOut: false, durationMs: 48_100, output: "1 failing" },
    });
    const request = {
      ...base,
      parts: [...base.parts.slice(0, 2), last],
      weakening: [{ path: "test/limiter.test.ts", kind: "assertion-removed", detail: "expect(limit).toBe(10) was deleted" }],
      spend: { ...base.spend, costUsd: null },
      trajectory: { path: "/var/lib/ferry/trajectories/12.jsonl" },
    };

    expect(renderPrBody({ request, index: 3, numbers })).toMatchSnapshot();
  });

  test("test weakening is flagged only on the part holding the flagged file", () => {
    const request = { ...publishRequest(3), weakening: [{ path: "src/limiter/step-1.ts", kind: "skip-added", detail: "it.skip" }] };

    const flagged = [1, 2, 3].map((index) => renderPrBody({ request, index, numbers }).includes("Tests may have been weakened"));

    expect(flagged).toEqual([true, false, false]);
  });

  test("a part whose prefix was not checked says so", () => {
    const request = publishRequest(1, { parts: [part(1, [{ path: "src/a.ts", lines: 3 }], { check: undefined })] });

    expect(renderPrBody({ request, index: 1, numbers })).toContain("Not checked: the tests were not run on the change.");
  });

  test("while the stack is being opened, parts without a number yet say so", () => {
    const body = renderPrBody({ request: publishRequest(3), index: 2, numbers: [101, undefined, undefined] });

    expect(body).toContain("1. Part 1: #101\n2. Part 2: ← this PR\n3. Part 3: (not opened yet)");
    expect(body).toContain("It builds on part 1 (#101)");
  });

  test("the agent's summary can neither close other issues nor ping people", () => {
    const request = publishRequest(1, { summary: "Fixes #7 and closes octo/other#8, as @bob asked; mail bob@example.com." });

    expect(renderPrBody({ request, index: 1, numbers })).toContain(
      "Fixes `#7` and closes `octo/other#8`, as `@bob` asked; mail bob@example.com.",
    );
  });

  test("a single part has no stack list and closes the issue", () => {
    const body = renderPrBody({ request: publishRequest(1), index: 1, numbers: [101] });

    expect(body).not.toContain("### The stack");
    expect(body).toContain("Ferry's change for #42.");
    expect(body.endsWith("Closes #42")).toBe(true);
  });
});
