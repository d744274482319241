import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import type { Log } from "../logger.ts";
import type { Checkout } from "./checkout.ts";
import { createCheckout } from "./checkout.ts";
import type { CommitRequest } from "./commit-request.ts";
import { commitRequestSchema } from "./commit-request.ts";
import type { CommitResult } from "./commit.ts";
import { commitCheckout, commitTree } from "./commit.ts";
import type { DeleteBranchResult } from "./delete-branch.ts";
import { deleteRemoteBranch } from "./delete-branch.ts";
import type { WorkspaceDiff } from "./diff.ts";
import { diffCheckout } from "./diff.ts";
import type { EvictionResult } from "./eviction.ts";
import { DEFAULT_MIRROR_BUDGET_BYTES, evictMirrors } from "./eviction.ts";
import type { GitTimeouts } from "./git.ts";
import { DEFAULT_GIT_TIMEOUTS } from "./git.ts";
import { KeyedLock } from "./keyed-lock.ts";
import { assertHostGitDirIntact } from "./host-git.ts";
import { hostGitRoot, mirrorDirOf, taskDirsOf } from "./layout.ts";
import { MirrorLeases } from "./mirror-leases.ts";
import { syncMirror } from "./mirror.ts";
import { recycleCheckout } from "./recycle-checkout.ts";
import type { Snapshot } from "./snapshot-tree.ts";
import { snapshotTree } from "./snapshot-tree.ts";
import { dropSpare, keepSpare, removeTaskRoot, takeSpare } from "./spares.ts";
import type { PrepareRequest } from "./prepare-request.ts";
import { localPrepareRequestSchema, prepareRequestSchema, taskIdSchema } from "./prepare-request.ts";
import { parseInput } from "./parse-input.ts";
import type { BranchUpdate, PushResult } from "./push.ts";
import { pushBranches } from "./push.ts";
import { branchSha } from "./refs.ts";
import type { TreeDiff } from "./tree-diff.ts";
import { diffTrees } from "./tree-diff.ts";
import { assertBranchNames, assertBranchUpdates } from "./validate-branches.ts";
import { BaseBranchNotFoundError } from "./workspace-errors.ts";

export type WorkspaceLog = Pick<Log, "info" | "warn">;

export type WorkspacesOptions = {
  /** `FERRY_DATA_DIR`; mirrors and task checkouts live under it. */
  dataDir: string;
  log?: WorkspaceLog;
  timeouts?: Partial<GitTimeouts>;
  /** Accept file:// clone URLs (`ferry run` on a local repository); never for webhook-driven tasks. */
  allowLocalRepos?: boolean;
};

/** `token` is the installation token; none for a local repository. */
export type RemoteCall = { token?: string; signal?: AbortSignal };

/**
 * Git for tasks: a cached bare mirror per repository, a checkout per task, and the host-side
 * diff, commit and push. The token is passed per call and only ever reaches git as a header.
 */
export class Workspaces {
  readonly #dataDir: string;
  readonly #log: WorkspaceLog | undefined;
  readonly #timeouts: GitTimeouts;
  readonly #allowLocalRepos: boolean;
  readonly #mirrorLock = new KeyedLock();
  readonly #leases = new MirrorLeases();
  readonly #releases = new Map<string, () => void>();

  constructor(options: WorkspacesOptions) {
    this.#dataDir = resolve(options.dataDir);
    this.#log = options.log;
    this.#timeouts = { ...DEFAULT_GIT_TIMEOUTS, ...options.timeouts };
    this.#allowLocalRepos = options.allowLocalRepos ?? false;
  }

  /**
   * Fetches the mirror (creating it the first time) and gives the task a clean checkout on its branch
   * at the base: the repository's spare from an earlier task when there is one (see spares.ts), else a new one.
   */
  async prepare(request: PrepareRequest): Promise<Checkout> {
    const { signal, ...fields } = request;
    const schema = this.#allowLocalRepos ? localPrepareRequestSchema : prepareRequestSchema;
    const input = parseInput(schema, fields, "workspace request");
    await assertBranchNames([input.base, input.branch]);
    const mirrorDir = mirrorDirOf(this.#dataDir, input.repo);
    const dirs = taskDirsOf(this.#dataDir, input.taskId);
    const repository = `${input.repo.owner}/${input.repo.name}`;
    this.#releases.get(input.taskId)?.();
    // Leased before the mirror lock is taken, so eviction (which checks under that lock) never sees it unused.
    const release = this.#leases.acquire(mirrorDir);
    this.#releases.set(input.taskId, release);
    try {
      const baseSha = await this.#mirrorLock.run(mirrorDir, async () => {
        const { created } = await syncMirror(mirrorDir, { cloneUrl: input.repo.cloneUrl, token: input.token, timeoutMs: this.#timeouts.fetchMs, signal });
        this.#log?.info({ repo: repository, mirror: mirrorDir, created }, created ? "Created repository mirror" : "Fetched repository mirror");
        return branchSha(mirrorDir, input.base, this.#timeouts.localMs);
      });
      if (!baseSha) throw new BaseBranchNotFoundError(input.base, repository);
      const { taskId, repo, base, branch } = input;
      const options = { taskId, repo, base, branch, dirs, hostGitRoot: hostGitRoot(this.#dataDir), mirrorDir, baseSha, timeoutMs: this.#timeouts.localMs, signal };
      const spare = await this.#mirrorLock.run(mirrorDir, () => takeSpare(this.#dataDir, mirrorDir, dirs.root));
      if (!spare) return await createCheckout(options);
      try {
        return await recycleCheckout(options);
      } catch (error) {
        this.#log?.warn({ repo: repository, error: String(error) }, "Could not reuse the spare checkout; making a fresh one");
        return await createCheckout(options);
      }
    } catch (error) {
      await this.remove(input.taskId);
      throw error;
    }
  }

  /**
   * Freezes the work tree as a tree object (see snapshot-tree.ts), after checking that the host
   * git dir is as Ferry made it. Call only once the agent's sandbox has stopped.
   */
  async snapshot(checkout: Checkout, options: { signal?: AbortSignal } = {}): Promise<Snapshot> {
    await assertHostGitDirIntact(checkout.gitDir, checkout.mirrorDir);
    return snapshotTree(checkout, { timeoutMs: this.#timeouts.localMs, signal: options.signal });
  }

  /** What a tree changes against the checkout's base: per-file counts and the full patch, from objects alone. */
  changes(checkout: Checkout, tree: string, options: { signal?: AbortSignal } = {}): Promise<TreeDiff> {
    return diffTrees(checkout.gitDir, checkout.baseSha, tree, { timeoutMs: this.#timeouts.localMs, signal: options.signal });
  }

  /** The change against the base, from a fresh snapshot: per-file counts and the full patch. Only once the sandbox stopped. */
  async diff(checkout: Checkout, options: { signal?: AbortSignal } = {}): Promise<WorkspaceDiff> {
    await assertHostGitDirIntact(checkout.gitDir, checkout.mirrorDir);
    return diffCheckout(checkout, { timeoutMs: this.#timeouts.localMs, signal: options.signal });
  }

  /**
   * Commits on the task branch, authored by the bot and crediting the requester: `tree` when given
   * (a frozen change that was checked), else a fresh snapshot of the work tree.
   */
  async commit(checkout: Checkout, request: CommitRequest, options: { signal?: AbortSignal; tree?: string } = {}): Promise<CommitResult> {
    const valid = parseInput(commitRequestSchema, request, "commit request");
    await assertHostGitDirIntact(checkout.gitDir, checkout.mirrorDir);
    const deadline = { timeoutMs: this.#timeouts.localMs, signal: options.signal };
    return options.tree === undefined ? commitCheckout(checkout, valid, deadline) : commitTree(checkout, options.tree, valid, deadline);
  }

  /** Pushes one or many branches in one atomic, leased push to the repository's clone URL. */
  async push(checkout: Checkout, branches: readonly BranchUpdate[], call: RemoteCall): Promise<PushResult> {
    await assertBranchUpdates(branches);
    await assertHostGitDirIntact(checkout.gitDir, checkout.mirrorDir);
    const result = await pushBranches(checkout.gitDir, branches, this.#remote(checkout, call, this.#timeouts.pushMs));
    this.#log?.info({ task: checkout.taskId, branches: branches.map((branch) => branch.name), outcome: result.outcome }, "Pushed branches");
    return result;
  }

  /** Deletes a remote branch; a branch that is already gone is a success. */
  async deleteBranch(checkout: Checkout, name: string, call: RemoteCall): Promise<DeleteBranchResult> {
    await assertBranchNames([name]);
    await assertHostGitDirIntact(checkout.gitDir, checkout.mirrorDir);
    return deleteRemoteBranch(checkout.gitDir, name, this.#remote(checkout, call, this.#timeouts.pushMs));
  }

  /**
   * Ends a task's use of its checkout: it is kept as its repository's spare (replacing an older
   * one), so the next task there only rewrites the files that differ. Call after the sandbox stopped.
   */
  async release(checkout: Checkout): Promise<void> {
    const { root, verify } = taskDirsOf(this.#dataDir, checkout.taskId);
    try {
      await rm(verify, { recursive: true, force: true });
      await this.#mirrorLock.run(checkout.mirrorDir, () => keepSpare(this.#dataDir, checkout.mirrorDir, root));
    } finally {
      // Whatever happened to the directories, the task no longer uses the mirror: a lease left
      // behind would keep it from ever being evicted.
      this.#dropLease(checkout.taskId);
    }
  }

  /** Removes a task's checkout (working tree, verify checkout and host git dir); removing one that is gone is fine. */
  async remove(taskId: string | number): Promise<void> {
    const id = parseInput(taskIdSchema, taskId, "task id");
    try {
      await removeTaskRoot(this.#dataDir, taskDirsOf(this.#dataDir, id).root);
    } finally {
      this.#dropLease(id);
    }
  }

  #dropLease(taskId: string): void {
    this.#releases.get(taskId)?.();
    this.#releases.delete(taskId);
  }

  /** Evicts least-recently-used mirrors no checkout uses until the mirrors fit the budget. */
  async evict(budgetBytes = DEFAULT_MIRROR_BUDGET_BYTES): Promise<EvictionResult> {
    const isInUse = (mirrorDir: string): boolean => this.#leases.isInUse(mirrorDir);
    const result = await evictMirrors({ dataDir: this.#dataDir, budgetBytes, isInUse, lock: this.#mirrorLock });
    // A spare borrows its mirror's objects: it goes with it.
    for (const mirror of result.evicted) await dropSpare(this.#dataDir, mirror.mirrorDir);
    for (const mirror of result.evicted) this.#log?.info({ mirror: mirror.mirrorDir, bytes: mirror.bytes }, "Evicted repository mirror");
    return result;
  }

  #remote(checkout: Checkout, call: RemoteCall, timeoutMs: number) {
    return { cloneUrl: checkout.repo.cloneUrl, token: call.token, timeoutMs, signal: call.signal };
  }
}
