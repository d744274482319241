// How much context a long agent run sends, and how cache-friendly it is. A scripted 60-step run
// through the real session (local sandbox, real tools, real compaction) where every step reads
// a large command output. Prints:
//  - the input tokens sent over the run (counted with the real tokenizer);
//  - the mean share of each step request that is a byte-identical prefix of the previous one
//    (what provider prompt caching can reuse; target ≥ 0.9);
//  - the peak context size with compaction against the naive full-history size of the same run.
// Run: node bench/context.bench.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { countMessagesTokens, countToolSpecTokens } from "../src/agent/context/tokens.ts";
import { sharedPrefixRatio } from "../src/agent/context/shared-prefix.ts";
import { ScriptedModel } from "../src/agent/models/scripted-model.ts";
import { runAgentSession } from "../src/agent/session.ts";
import { MemoryTrajectory } from "../src/agent/trajectory/memory-trajectory.ts";
import { RepoConfig } from "../src/config/repo-config.ts";
import { LocalSandbox } from "../src/sandbox/local/local-sandbox.ts";
import { Workspaces } from "../src/workspace/workspaces.ts";
import { createRepo } from "../test/helpers/git-fixtures.ts";

const STEPS = 60;
const CONTEXT_WINDOW = 128_000;

const root = await mkdtemp(join(tmpdir(), "ferry-bench-context-"));
const upstream = join(root, "app.git");
await createRepo(upstream, [{ message: "App", files: { "README.md": "# app\n", "src/app.js": "export const answer = 41;\n", "test.js": "process.exit(0);\n" } }]);
const workspaces = new Workspaces({ dataDir: join(root, "data"), allowLocalRepos: true });
const checkout = await workspaces.prepare({ taskId: 1, repo: { cloneUrl: pathToFileURL(upstream).href, owner: "bench", name: "app" }, base: "main", branch: "bench" });

// Each step prints a different ~2,500-line build log (≈ 20k tokens before truncation).
const bigOutput = (step: number) => ({ toolCalls: [{ name: "shell", arguments: { command: `seq ${step * 10_000} ${step * 10_000 + 2_500} | sed 's/^/compiling module /'` } }] });
const script = [
  ...Array.from({ length: STEPS - 2 }, (_, step) => bigOutput(step)),
  { toolCalls: [{ name: "write_file", arguments: { path: "src/app.js", content: "export const answer = 42;\n" } }] },
  { toolCalls: [{ name: "finish", arguments: { summary: "The answer is 42." } }] },
];
const model = new ScriptedModel(script, { contextWindow: CONTEXT_WINDOW });
const trajectory = new MemoryTrajectory();
const outcome = await runAgentSession({
  sandbox: new LocalSandbox(),
  spec: { taskId: 1, workDir: checkout.workDir, image: "unused", limits: { memoryMb: 1024, cpus: 1, pids: 256 } },
  config: RepoConfig.parse({ test: "node test.js", limits: { steps: STEPS + 5, tokens: 100_000_000, usd: 1_000 } }),
  issue: { number: 1, title: "The answer is off by one", body: "It should be 42.", comments: [] },
  model,
  pauses: { approve: async () => ({ approved: false, reason: "bench" }), ask: async () => ({ answered: false, reason: "bench" }) },
  trajectory,
  signal: new AbortController().signal,
  takeInbox: async () => [],
  diff: () => workspaces.diff(checkout),
  instructionsFrom: { gitDir: checkout.mirrorDir, commit: checkout.baseSha },
  compactAt: 0.6,
});
if (outcome.outcome !== "changes-ready") throw new Error(`the scripted run ended as ${outcome.outcome}`);

const sizeOf = (request: (typeof model.requests)[number]) => countMessagesTokens(request.messages) + countToolSpecTokens(request.tools);
const steps = model.requests.filter((request) => request.purpose === "step");
const totalInput = model.requests.reduce((sum, request) => sum + sizeOf(request), 0);
// Serialised in the order a provider builds its prompt: tools, then the messages (system, task, turns).
const bodyOf = (request: (typeof model.requests)[number]) => JSON.stringify({ tools: request.tools, messages: request.messages });
const shares = steps.slice(1).map((request, index) => {
  const previous = steps[index];
  return previous ? sharedPrefixRatio(bodyOf(previous), bodyOf(request)) : 0;
});
const meanShare = shares.reduce((sum, share) => sum + share, 0) / shares.length;
const peak = Math.max(...model.requests.map(sizeOf));
const removed = trajectory.ofType("compaction").reduce((sum, facts) => sum + Number(facts.tokensBefore) - Number(facts.tokensAfter), 0);
const last = steps.at(-1);
const naivePeak = (last ? sizeOf(last) : 0) + removed;

console.log(`scripted run: ${steps.length} steps, ${trajectory.ofType("compaction").length} compactions, context window ${CONTEXT_WINDOW}`);
console.log(`input tokens sent over the run      ${totalInput}`);
console.log(`mean byte-identical prefix share    ${meanShare.toFixed(3)}  (target ≥ 0.90)`);
console.log(`peak context, naive full history    ${naivePeak} tokens (baseline)`);
console.log(`peak context, with compaction       ${peak} tokens  ratio ${(peak / naivePeak).toFixed(2)}×`);
await workspaces.remove(1);
await rm(root, { recursive: true, force: true });
