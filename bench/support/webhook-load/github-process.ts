import { GitHubStandIn } from "./github-stand-in.ts";
import { serveParent } from "./child.ts";

// The GitHub stand-in in a process of its own; GITHUB_LATENCY_MS delays every answer.
const standIn = new GitHubStandIn({ latencyMs: Number(process.env.GITHUB_LATENCY_MS ?? 0) });
const host = await standIn.start();
serveParent(host, { report: () => standIn.report(), requests: () => standIn.requests }, () => standIn.stop());
