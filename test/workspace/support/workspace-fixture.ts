import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Checkout } from "../../../src/workspace/checkout.ts";
import type { GitTimeouts } from "../../../src/workspace/git.ts";
import type { WorkspaceRepo } from "../../../src/workspace/repo-ref.ts";
import { Workspaces } from "../../../src/workspace/workspaces.ts";
import type { PrepareRequest } from "../../../src/workspace/prepare-request.ts";
import { createSimpleRepo } from "../../helpers/git-fixtures.ts";
import type { GitHttpServer, GitHttpServerOptions } from "../../helpers/git-http-server.ts";
import { startGitHttpServer } from "../../helpers/git-http-server.ts";

/** A loopback git server holding `octo/hello.git`, a data dir, and Workspaces over it. */
export type WorkspaceFixture = {
  dataDir: string;
  /** The upstream bare repository the server serves. */
  upstream: string;
  upstreamRoot: string;
  initialSha: string;
  token: string;
  repo: WorkspaceRepo;
  server: GitHttpServer;
  workspaces: Workspaces;
  prepare(overrides?: Partial<PrepareRequest>): Promise<Checkout>;
  close(): Promise<void>;
};

export async function workspaceFixture(
  options: { timeouts?: Partial<GitTimeouts>; beforeServe?: GitHttpServerOptions["beforeServe"] } = {},
): Promise<WorkspaceFixture> {
  const root = await mkdtemp(join(tmpdir(), "ferry-workspace-"));
  const upstreamRoot = join(root, "upstream");
  const upstream = join(upstreamRoot, "octo", "hello.git");
  const initialSha = await createSimpleRepo(upstream);
  const token = `ghs_${randomBytes(16).toString("hex")}`;
  const server = await startGitHttpServer({ root: upstreamRoot, tokens: [token], beforeServe: options.beforeServe });
  const repo = { cloneUrl: server.url("octo/hello.git"), owner: "octo", name: "hello" };
  const dataDir = join(root, "data");
  const workspaces = new Workspaces({ dataDir, timeouts: options.timeouts });
  return {
    dataDir,
    upstream,
    upstreamRoot,
    initialSha,
    token,
    repo,
    server,
    workspaces,
    prepare: (overrides = {}) => workspaces.prepare({ taskId: 1, repo, base: "main", branch: "agent/issue-1", token, ...overrides }),
    close: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
