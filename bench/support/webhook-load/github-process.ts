import { issueShape, repoShape } from "../../../test/e2e/github-standin/shapes.ts";
import { GitHubStandIn } from "../../../test/e2e/github-standin/standin.ts";
import { serveParent } from "./child.ts";
import type { NewComment } from "./deliveries.ts";
import type { StandInReady, StandInReport } from "./stand-in-report.ts";

/**
 * The end-to-end tests' GitHub stand-in (test/e2e/github-standin), in a process of its own
 * so its work never shares the load sender's event loop. It holds one repository with
 * ISSUES open issues, on which the deliveries' sender (`maintainer`) may write; every request
 * is checked against GitHub's OpenAPI description and authenticated as GitHub would.
 * GITHUB_ROOT is where its bare repository lives; GITHUB_LATENCY_MS delays every answer.
 */
const STATUS_MARKER = /<!-- ferry:task=(\d+) status -->/;
const SENDER = "maintainer";

const standIn = new GitHubStandIn({
  root: String(process.env.GITHUB_ROOT),
  privateKey: String(process.env.PRIVATE_KEY),
  latencyMs: Number(process.env.GITHUB_LATENCY_MS ?? 0),
});
const host = await standIn.start();
const repo = await standIn.seedRepository({ owner: "octo-org", name: "bench", files: { "README.md": "# bench\n" } });
standIn.setPermission(repo, SENDER, "write");
const issues = Array.from({ length: Number(process.env.ISSUES) }, (_, at) => standIn.addIssue(repo, { title: `Issue ${at + 1}`, body: "Please look into it.", user: "reporter" }));

const ready: StandInReady = {
  host,
  installationId: repo.installationId,
  repository: repoShape(repo, standIn.web),
  issues: Object.fromEntries(issues.map((issue) => [issue.number, issueShape(issue, standIn.web)])),
};

function report(): StandInReport {
  const statusComments: Record<string, number> = {};
  for (const issue of issues) {
    for (const comment of standIn.commentsOn(repo, issue.number)) {
      const task = STATUS_MARKER.exec(comment.body)?.[1];
      if (task) statusComments[task] = (statusComments[task] ?? 0) + 1;
    }
  }
  return { requests: standIn.requests.length, byRoute: standIn.requestsByRoute(), violations: [...standIn.violations], statusComments };
}

/** Comments the writer posts before GitHub sends their `issue_comment.created`; their ids, in order. */
const comment = (args: unknown) => (args as NewComment[]).map((wanted) => standIn.addComment(repo, wanted.issue, wanted.body, wanted.login).id);

serveParent(ready, { report, comment }, () => standIn.stop());
