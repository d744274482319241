import { expect, test } from "@jest/globals";
import { parsePushReport } from "../../src/workspace/push-report.ts";

const SHA = "0fe80b93b1501b1ae5e80be4c352ea1807f11043";

test("accepted updates are not rejected", () => {
  const report = `To http://x/octo/hello.git\n*\t${SHA}:refs/heads/agent/a\t[new branch]\n+\t${SHA}:refs/heads/agent/b\t0fe80b9...c6e561e (forced update)\nDone\n`;
  expect(parsePushReport(report)).toEqual([
    { branch: "agent/a", rejected: false, summary: "[new branch]", reason: undefined },
    { branch: "agent/b", rejected: false, summary: "0fe80b9...c6e561e (forced update)", reason: "forced update" },
  ]);
});

test("a stale lease and its atomic followers are told apart by their reason", () => {
  const report = `!\t${SHA}:refs/heads/a\t[rejected] (stale info)\n!\t${SHA}:refs/heads/b\t[rejected] (atomic push failed)\nDone\n`;
  expect(parsePushReport(report).map((ref) => [ref.branch, ref.rejected, ref.reason])).toEqual([
    ["a", true, "stale info"],
    ["b", true, "atomic push failed"],
  ]);
});

test("a delete names the branch it deletes", () => {
  expect(parsePushReport("-\t:refs/heads/agent/old\t[deleted]\n")).toEqual([{ branch: "agent/old", rejected: false, summary: "[deleted]", reason: undefined }]);
});
