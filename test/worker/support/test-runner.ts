import { testAccountOf } from "../../helpers/ferry-account.ts";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../../src/github/octokit-platform.ts";
import type { Model } from "../../../src/agent/models/model.ts";
import { DEFAULT_CEILINGS, type Ceilings } from "../../../src/config/clamp-limits.ts";
import { ProgressBoard } from "../../../src/delivery/status/progress-board.ts";
import { LocalSandbox } from "../../../src/sandbox/local/local-sandbox.ts";
import type { SandboxFactory } from "../../../src/sandbox/sandbox.ts";
import type { Store } from "../../../src/tasks/store.ts";
import type { TaskRunner } from "../../../src/tasks/queue-types.ts";
import { createAgentRunner } from "../../../src/worker/agent-runner.ts";
import { Workspaces } from "../../../src/workspace/workspaces.ts";
import { recordingLog } from "../../helpers/recording-log.ts";

export type TestRunnerOptions = {
  dataDir: string;
  store: Store;
  model: Model;
  /** The installation token the git server accepts. */
  token: string;
  sandboxes?: SandboxFactory;
  /** The sandbox image (Docker only). */
  image?: string;
  progress?: ProgressBoard;
  /** FERRY_MAX_*; default: the env's defaults. */
  ceilings?: Ceilings;
  /** FERRY_ALLOWED_IMAGES. */
  allowedImages?: string[];
  /** FERRY_SANDBOX_DISK_MB. */
  diskMb?: number;
  /** The runner's workspaces, for a test that looks at its mirrors afterwards. */
  workspaces?: Workspaces;
};

/** The real agent runner as tests use it: GitHub through nock (no retries), a fixed token, the local sandbox unless told. */
export function testRunner(options: TestRunnerOptions): TaskRunner {
  const { dataDir } = options;
  return createAgentRunner({
    env: {
      dataDir,
      sandbox: { kind: "local", image: options.image ?? "unused", limits: { memoryMb: 512, cpus: 1, pids: 128 }, network: "bridge", allowLocal: true, allowedImages: options.allowedImages, diskMb: options.diskMb ?? 10_240 },
      ceilings: options.ceilings ?? DEFAULT_CEILINGS,
      mirrorCacheBytes: 1e9,
      model: { compactAt: 0.6 },
    },
    store: options.store,
    workspaces: options.workspaces ?? new Workspaces({ dataDir }),
    sandboxes: options.sandboxes ?? (() => new LocalSandbox()),
    model: options.model,
    clientFor: async () => octokitPlatform(new Octokit({ request: { retries: 0 } })),
    tokenFor: async () => options.token,
    log: recordingLog(),
    progress: options.progress ?? new ProgressBoard(),
    author: { name: "Ferry", email: "ferry@example.com" },
    links: { publicUrl: "https://ferry.example.com", key: "secret" },
    account: testAccountOf,
  });
}
