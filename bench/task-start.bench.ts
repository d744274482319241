// Task start (issue 19 §4): from the `issues.labeled` delivery to the agent's first model request,
// with the Docker sandbox, a repository whose mirror is warm (a task ran on it before) and one
// that was never fetched (cold), against the GitHub stand-in answering after 0 and 100 ms. Each
// phase is read from Ferry's own records (store, trajectory) and Docker's events; the model
// request from the OpenAI stand-in. Baseline, same run: a bare container of the same image
// (create + start + remove), the floor of the container phase. Rounds alternate cold and warm.
// The target (≤ 1.5 s warm, no `setup:`) is printed beside the figure, not asserted.
// Run: npm run bench -- task-start [--rounds 5] [--latencies 0,100] [--trace: every GitHub request of each trial, timed]
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { performance } from "node:perf_hooks";
import { dockerClient } from "../src/sandbox/docker/engine.ts";
import { openAiErrorBody } from "../test/helpers/openai-server.ts";
import { waitFor } from "../test/helpers/process.ts";
import type { Repository } from "../test/e2e/github-standin/state.ts";
import { PHASES, PHASE_MEANING, phasesOf, watchContainers, type Phases } from "./support/task-start/phases.ts";
import { startWorld, type World } from "./support/task-start/world.ts";
import { errorMessage } from "../src/error-message.ts";

const { values: flags } = parseArgs({ options: { rounds: { type: "string", default: "5" }, latencies: { type: "string", default: "0,100" }, trace: { type: "boolean", default: false } } });
const ROUNDS = Number(flags.rounds);
const LATENCIES = flags.latencies.split(",").map(Number);
const IMAGE = process.env.FERRY_TEST_IMAGE ?? "ferry-runner:bookworm";
const TARGET_MS = 1500;
const docker = dockerClient();

type Trial = Phases & { statusCommentAt: number | undefined };

/** One labelled issue, until the first model request; the model then refuses, so the task ends at once. */
async function trial(world: World, containers: Awaited<ReturnType<typeof watchContainers>>, repo: Repository, title: string): Promise<Trial> {
  world.model.reply({ status: 400, body: openAiErrorBody("the benchmark ends the run here") });
  const asked = world.model.waitForRequests(world.model.requests.length + 1);
  const { sentAt, issueNumber } = await world.label(repo, title);
  await Promise.race([asked, sleep(120_000).then(() => Promise.reject(new Error(`no model request for ${title}; Ferry said:\n${world.ferry.output().split("\n").slice(-20).join("\n")}`)))]);
  const modelAt = Date.now();
  if (flags.trace) console.log(`  ${title}: first model request at +${modelAt - sentAt} ms\n    ${world.requestsSince(sentAt).join("\n    ")}`);
  // The ending's writes go out spaced a second apart: the next trial starts once they are done, not behind them.
  await waitFor(`the ending of ${title}`, () => world.standin.reactionsOn(repo, issueNumber).includes("confused") || undefined, 60_000);
  await sleep(1500);
  const phases = phasesOf({ dataDir: `${world.dir}/data`, repo: `${repo.owner}/${repo.name}`, issueNumber, sentAt, modelAt, containerStartedAt: containers.startedAt });
  const [status] = world.standin.commentsOn(repo, issueNumber);
  return { ...phases, statusCommentAt: status ? Date.parse(status.createdAt) - sentAt : undefined };
}

/** The baseline: the same image's container created, started and removed, nothing else. */
async function bareContainer(): Promise<number> {
  const started = performance.now();
  const container = await docker.createContainer({ Image: IMAGE, Cmd: ["sleep", "30"], NetworkDisabled: true });
  await container.start();
  const elapsed = performance.now() - started;
  await container.remove({ force: true });
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};
const ms = (value: number) => `${Math.round(value)}`.padStart(5);
const spread = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

function report(kind: string, trials: Trial[], baseline: number[]) {
  const total = trials.map((trial) => trial.total);
  const row = PHASES.map((phase) => `${phase} ${ms(median(trials.map((trial) => trial[phase]))).trim()}`).join(" · ");
  const comments = trials.flatMap((trial) => (trial.statusCommentAt === undefined ? [] : [trial.statusCommentAt]));
  console.log(`  ${kind.padEnd(4)} label → first model request: median ${ms(median(total))} ms (spread ${spread(total)}, ${trials.length} runs)${kind === "warm" ? `, target ≤ ${TARGET_MS} ms ${median(total) <= TARGET_MS ? "met" : "NOT met"}` : ""}`);
  console.log(`       phases (median ms): ${row}`);
  console.log(`       status comment created at +${ms(median(comments)).trim()} ms; baseline, a bare container of ${IMAGE}: ${ms(median(baseline)).trim()} ms`);
}

console.log(`label → first model request, Docker sandbox (${IMAGE}), no setup:, ${ROUNDS} rounds alternating cold and warm`);
for (const [phase, meaning] of Object.entries(PHASE_MEANING)) console.log(`  ${phase}: ${meaning}`);
let failed = false;
for (const latencyMs of LATENCIES) {
  const world = await startWorld({ latencyMs, image: IMAGE });
  const containers = await watchContainers(docker, `${world.dir}/data`);
  try {
    const warmRepo = await world.repository("warm");
    // Warms the process, the image and the mirror; not counted.
    await trial(world, containers, warmRepo, "warm-up");
    const cold: Trial[] = [];
    const warm: Trial[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const coldRepo = await world.repository(`cold-${round}`);
      const order = round % 2 === 0 ? ["cold", "warm"] : ["warm", "cold"];
      for (const kind of order) {
        if (kind === "cold") cold.push(await trial(world, containers, coldRepo, `cold ${round}`));
        else warm.push(await trial(world, containers, warmRepo, `warm ${round}`));
      }
      baseline.push(await bareContainer());
    }
    console.log(`GitHub stand-in answers after ${latencyMs} ms:`);
    report("warm", warm, baseline);
    report("cold", cold, baseline);
  } catch (error) {
    failed = true;
    console.log(`  FAILED at ${latencyMs} ms: ${errorMessage(error)}`);
  } finally {
    containers.stop();
    await world.close();
  }
}
process.exit(failed ? 1 : 0);
