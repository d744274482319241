// What a task pays before the agent's first command, and what each command costs after.
// On a generated repository (5,000 files, 200 commits) served over loopback git smart HTTP:
//  (a) "task starts" → "shell ready in the container with the checkout", with a cold mirror
//      and a warm one, against a plain `git clone` of the same repository (target: warm ≤ 0.3×);
//  (b) the median round trip of a trivial command through the persistent shell, against a
//      `docker exec` of the same command (target: ≤ 0.1×).
// Needs a Docker engine and the runner image (scripts/build-runner-image.sh); without them
// it measures the local sandbox and says so. Run: node bench/sandbox.bench.ts [runs]
import { execa } from "execa";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DockerSandbox } from "../src/sandbox/docker/docker-sandbox.ts";
import { dockerAnswers, dockerClient } from "../src/sandbox/docker/engine.ts";
import { runOnce } from "../src/sandbox/docker/run-once.ts";
import { LocalSandbox } from "../src/sandbox/local/local-sandbox.ts";
import type { Sandbox } from "../src/sandbox/sandbox.ts";
import { Workspaces } from "../src/workspace/workspaces.ts";
import { createGeneratedRepo } from "../test/helpers/git-fixtures.ts";
import { startGitHttpServer } from "../test/helpers/git-http-server.ts";

const RUNS = Number(process.argv[2] ?? 5);
const TOKEN = "ghs_benchmarkToken0123456789";
const IMAGE = process.env.FERRY_TEST_IMAGE ?? "ferry-runner:bookworm";
const docker = dockerClient();
const withDocker = (await dockerAnswers(docker)) && (await docker.getImage(IMAGE).inspect().then(() => true, () => false));
const newSandbox = (): Sandbox => (withDocker ? new DockerSandbox({ docker, instance: "bench" }) : new LocalSandbox());

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number): string => `${value.toFixed(1)} ms`;

const root = await mkdtemp(join(tmpdir(), "ferry-bench-git-"));
await createGeneratedRepo(join(root, "bench", "big.git"), { files: 5000, commits: 200 });
const server = await startGitHttpServer({ root, tokens: [TOKEN] });
const cloneUrl = server.url("bench/big.git");
const repo = { owner: "bench", name: "big", cloneUrl };
const authEnv = {
  GIT_CONFIG_COUNT: "1",
  GIT_CONFIG_KEY_0: "http.extraHeader",
  GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString("base64")}`,
};

async function plainClone(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "ferry-bench-clone-"));
  const started = performance.now();
  await execa("git", ["clone", "--quiet", cloneUrl, join(dir, "repo")], { env: authEnv });
  const elapsed = performance.now() - started;
  await rm(dir, { recursive: true, force: true });
  return elapsed;
}

let taskId = 0;
async function taskToShell(workspaces: Workspaces): Promise<number> {
  taskId += 1;
  const started = performance.now();
  const checkout = await workspaces.prepare({ taskId, repo, base: "main", branch: `agent/issue-${taskId}`, token: TOKEN });
  const sandbox = newSandbox();
  await sandbox.start({
    taskId,
    workDir: checkout.workDir,
    readOnlyPaths: checkout.readOnlyPaths,
    image: IMAGE,
    network: true,
    limits: { memoryMb: 1024, cpus: 1, pids: 256 },
  });
  const ready = await sandbox.exec("git log --oneline -1 >/dev/null && ls pkg0 | wc -l", { timeoutMs: 60_000 });
  const elapsed = performance.now() - started;
  if (ready.output.trim() !== "100") throw new Error(`the checkout is not ready: ${ready.output}`);
  await sandbox.stop();
  await workspaces.release(checkout);
  return elapsed;
}

// (a)
const baseline: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
for (let run = 0; run < RUNS; run++) {
  baseline.push(await plainClone());
  const dataDir = await mkdtemp(join(tmpdir(), "ferry-bench-data-"));
  const workspaces = new Workspaces({ dataDir });
  cold.push(await taskToShell(workspaces));
  warm.push(await taskToShell(workspaces));
  await rm(dataDir, { recursive: true, force: true });
}
console.log(`sandbox: ${withDocker ? `docker (${IMAGE})` : "local (no Docker engine or image: container figures are missing)"}`);
console.log(`(a) plain git clone (baseline)       ${ms(median(baseline))}`);
console.log(`    task → shell ready, cold mirror  ${ms(median(cold))}  ratio ${(median(cold) / median(baseline)).toFixed(2)}×`);
console.log(`    task → shell ready, warm mirror  ${ms(median(warm))}  ratio ${(median(warm) / median(baseline)).toFixed(2)}×  (target ≤ 0.30×)`);

// (b)
const workDir = await mkdtemp(join(tmpdir(), "ferry-bench-work-"));
const sandbox = newSandbox();
await sandbox.start({ taskId: 0, workDir, image: IMAGE, network: false, limits: { memoryMb: 512, cpus: 1, pids: 128 } });
const shell: number[] = [];
for (let i = 0; i < 200; i++) {
  const started = performance.now();
  await sandbox.exec("true", { timeoutMs: 10_000 });
  shell.push(performance.now() - started);
}
const perExec: number[] = [];
if (withDocker) {
  const [container] = await docker.listContainers({ filters: { label: ["ferry.task=0", "ferry.instance=bench"] } });
  if (!container) throw new Error("the benchmark container is gone");
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await runOnce(docker.getContainer(container.Id), ["bash", "-c", "true"], "1000:1000");
    perExec.push(performance.now() - started);
  }
}
await sandbox.stop();
await rm(workDir, { recursive: true, force: true });
console.log(`(b) docker exec per command (baseline) ${withDocker ? ms(median(perExec)) : "n/a"}`);
console.log(`    persistent shell per command       ${ms(median(shell))}${withDocker ? `  ratio ${(median(shell) / median(perExec)).toFixed(3)}×  (target ≤ 0.10×)` : ""}`);

await server.close();
await rm(root, { recursive: true, force: true });
