import {
  COMMENT_PAGE_SIZE,
  type Author,
  type CompletedCheckRun,
  type GitHub,
  type IssueChanges,
  type IssueComment,
  type IssueRef,
  type NewPullRequest,
  type PageRange,
  type PullChanges,
  type PullRef,
  type PullRequest,
  type Reaction,
  type ReactionTarget,
  type RepoFile,
  type RepoName,
  type Repository,
  type ReviewComment,
} from "./platform.ts";
import {
  MemoryGitHubError,
  MemoryRepo,
  notFound,
  repoKeyOf,
  unprocessable,
  type MemoryIssue,
  type MemoryReviewComment,
  type MemoryWorld,
  type RepoRole,
  type RepositoryFacts,
} from "./memory-state.ts";

/** GitHub only inlines files up to 1 MB in the contents API. */
const INLINE_FILE_LIMIT = 1024 * 1024;

/**
 * GitHub in maps, for tests: it answers Ferry's verbs as GitHub does (the contract test holds it
 * to what the Octokit platform gets from a GitHub), and tests seed it and read it back through
 * `repo()`. Everything Ferry writes is written by the App's bot, `<appSlug>[bot]`.
 */
export class MemoryPlatform implements GitHub {
  readonly #world: MemoryWorld;
  readonly #web = "https://github.example";
  readonly #slug: string;
  /** Whose credentials these are: an installation's, or the App's own when undefined. */
  readonly #installation: number | undefined;

  constructor(options: { appSlug?: string; world?: MemoryWorld; installation?: number } = {}) {
    this.#slug = options.appSlug ?? "ferry";
    this.#world = options.world ?? { repos: new Map(), installations: new Map(), nextId: 1000 };
    this.#installation = options.installation;
  }

  /** The same GitHub through an installation's credentials (what `installationRepos` lists). */
  forInstallation(id: number): MemoryPlatform {
    return new MemoryPlatform({ appSlug: this.#slug, world: this.#world, installation: id });
  }

  get bot(): Author {
    return { login: `${this.#slug}[bot]`, type: "Bot" };
  }

  /** The repository's records (made on first use, empty). */
  repo(where: RepoName | IssueRef | PullRef): MemoryRepo {
    const key = repoKeyOf(where);
    const found = this.#world.repos.get(key) ?? new MemoryRepo();
    this.#world.repos.set(key, found);
    return found;
  }

  // Seeding: what people and other tools did before Ferry looks.

  /** `labelledBy`: who applied the labels (the author unless named), as the issue's events say. */
  addIssue(where: RepoName, issue: { title: string; body?: string; author?: string; labels?: string[]; labelledBy?: string; locked?: boolean; createdAt?: string; thumbsUp?: number }): IssueRef {
    const repo = this.repo(where);
    const number = repo.nextNumber();
    const author = { login: issue.author ?? "reporter", type: "User" };
    const labels = issue.labels ?? [];
    const actor = issue.labelledBy === undefined ? author : { login: issue.labelledBy, type: "User" };
    const createdAt = issue.createdAt ?? new Date().toISOString();
    repo.issues.set(number, {
      ...this.#newIssue(number, issue.title, issue.body ?? "", labels, author, false),
      locked: issue.locked ?? false,
      createdAt,
      updatedAt: createdAt,
      thumbsUp: issue.thumbsUp ?? 0,
      labelEvents: labels.map((label) => ({ label, actor })),
    });
    return { owner: where.owner, repo: where.repo, issueNumber: number };
  }

  /** The repository exists and the App's installation `installationId` reaches it. */
  addRepository(where: RepoName, facts: { installationId: number; defaultBranch?: string; archived?: boolean; disabled?: boolean; pushedAt?: string | null }): void {
    if (!this.#world.installations.has(facts.installationId)) this.#world.installations.set(facts.installationId, { suspended: false });
    this.repo(where).facts = { owner: where.owner, name: where.repo, defaultBranch: "main", archived: false, disabled: false, pushedAt: null, ...facts };
  }

  suspendInstallation(id: number): void {
    this.#world.installations.set(id, { suspended: true });
  }

  addComment(issue: IssueRef, body: string, author: Author = { login: "someone", type: "User" }): number {
    this.#issue(issue);
    const id = this.#world.nextId++;
    this.repo(issue).comments.push({ id, issueNumber: issue.issueNumber, body, author, history: [body] });
    return id;
  }

  setRole(where: RepoName, login: string, role: RepoRole): void {
    this.repo(where).roles.set(login.toLowerCase(), role);
  }

  setFile(where: RepoName, ref: string, path: string, text: string): void {
    this.repo(where).files.set(`${ref}:${path}`, text);
  }

  setBranch(where: RepoName, branch: string, sha: string): void {
    this.repo(where).branches.set(branch, sha);
  }

  /** A submitted review with inline comments, each starting its own thread. */
  addReview(pull: PullRef, review: { author: string; state: string; body?: string; comments: { path: string; line: number; body: string }[] }): { id: number; commentIds: number[] } {
    const repo = this.repo(pull);
    if (!repo.pulls.has(pull.pull)) throw notFound(`pull request #${pull.pull}`);
    const id = this.#world.nextId++;
    repo.reviews.push({ id, pull: pull.pull, state: review.state, body: review.body ?? "", author: review.author });
    const author = { login: review.author, type: "User" };
    const comments = review.comments.map((comment): MemoryReviewComment => ({
      id: this.#world.nextId++, pull: pull.pull, reviewId: id, inReplyTo: undefined, path: comment.path, line: comment.line, diffHunk: `@@ -1 +1 @@\n+${comment.path}`, body: comment.body, author, resolved: false,
    }));
    repo.reviewComments.push(...comments);
    return { id, commentIds: comments.map((comment) => comment.id) };
  }

  /** Someone merged the pull request: it is closed, and merged. */
  mergePull(ref: PullRef): void {
    const pull = this.repo(ref).pulls.get(ref.pull);
    const issue = this.repo(ref).issues.get(ref.pull);
    if (!pull || !issue) throw notFound(`pull request #${ref.pull}`);
    pull.merged = true;
    issue.state = "closed";
  }

  resolveThread(where: RepoName, rootCommentId: number): void {
    const root = this.repo(where).reviewComments.find((comment) => comment.id === rootCommentId);
    if (!root) throw notFound(`review comment ${rootCommentId}`);
    root.resolved = true;
  }

  // The verbs. Issues, comments, reactions.

  async getIssue(ref: IssueRef) {
    const issue = this.#issue(ref);
    const commentCount = this.repo(ref).comments.filter((comment) => comment.issueNumber === ref.issueNumber).length;
    return { number: issue.number, title: issue.title, body: issue.body, url: `${this.#web}/${ref.owner}/${ref.repo}/issues/${issue.number}`, commentCount };
  }

  async listOpenIssues(where: RepoName, label: string) {
    const wanted = label.toLowerCase();
    return [...this.repo(where).issues.values()]
      .filter((issue) => !issue.isPull && issue.state === "open" && issue.labels.some((name) => name.toLowerCase() === wanted))
      .sort((a, b) => b.number - a.number)
      .map((issue) => ({
        number: issue.number,
        title: issue.title,
        body: issue.body,
        locked: issue.locked,
        createdAt: issue.createdAt,
        updatedAt: issue.updatedAt,
        author: issue.author,
        labels: [...issue.labels],
        thumbsUp: issue.thumbsUp,
      }));
  }

  async labelEvents(ref: IssueRef) {
    return [...this.#issue(ref).labelEvents];
  }

  async createIssue(where: RepoName, issue: { title: string; body: string; labels: string[] }) {
    const repo = this.repo(where);
    const number = repo.nextNumber();
    repo.issues.set(number, this.#newIssue(number, issue.title, issue.body, issue.labels, this.bot, false));
    return { number };
  }

  async *issueComments(ref: IssueRef, { first = 1, last = Infinity }: PageRange = {}): AsyncIterable<IssueComment[]> {
    this.#issue(ref);
    const all = this.repo(ref).comments.filter((comment) => comment.issueNumber === ref.issueNumber);
    for (let page = first; page <= last; page++) {
      const batch = all.slice((page - 1) * COMMENT_PAGE_SIZE, page * COMMENT_PAGE_SIZE).map((comment) => ({ id: comment.id, body: comment.body, author: comment.author }));
      yield batch;
      if (batch.length < COMMENT_PAGE_SIZE) return;
    }
  }

  async createComment(ref: IssueRef, body: string) {
    this.#issue(ref);
    const id = this.#world.nextId++;
    this.repo(ref).comments.push({ id, issueNumber: ref.issueNumber, body, author: this.bot, history: [body] });
    return { id };
  }

  async updateComment(where: RepoName, commentId: number, body: string) {
    const comment = this.repo(where).comments.find((candidate) => candidate.id === commentId);
    if (!comment) throw notFound(`comment ${commentId}`);
    comment.body = body;
    comment.history.push(body);
  }

  async react(target: ReactionTarget, content: Reaction) {
    const where = target.kind === "issue" ? target.issue : target.repo;
    const repo = this.repo(where);
    if (target.kind === "issue") this.#issue(target.issue);
    if (target.kind === "issue-comment" && !repo.comments.some((comment) => comment.id === target.commentId)) throw notFound(`comment ${target.commentId}`);
    if (target.kind === "review-comment" && !repo.reviewComments.some((comment) => comment.id === target.commentId)) throw notFound(`review comment ${target.commentId}`);
    const key = target.kind === "issue" ? `issue:${target.issue.issueNumber}` : `${target.kind}:${target.commentId}`;
    const login = this.bot.login;
    if (!repo.reactions.some((reaction) => reaction.target === key && reaction.content === content && reaction.login === login)) repo.reactions.push({ target: key, content, login });
  }

  async updateIssue(ref: IssueRef, changes: IssueChanges) {
    const issue = this.#issue(ref);
    const added = (changes.labels ?? []).filter((label) => !issue.labels.includes(label));
    Object.assign(issue, changes, { updatedAt: new Date().toISOString() });
    issue.labelEvents.push(...added.map((label) => ({ label, actor: this.bot })));
  }

  // Permissions, files, branches.

  async permissionOf(where: RepoName, login: string) {
    const role = this.repo(where).roles.get(login.toLowerCase());
    if (role === undefined) return { level: "none", role: undefined };
    // GitHub's classic levels know no maintain or triage.
    return { level: role === "maintain" ? "write" : role === "triage" ? "read" : role, role };
  }

  async readFile(where: RepoName, path: string, ref: string): Promise<RepoFile> {
    const files = this.repo(where).files;
    const text = files.get(`${ref}:${path}`);
    if (text !== undefined) return Buffer.byteLength(text) > INLINE_FILE_LIMIT ? { kind: "too-large" } : { kind: "file", text };
    const isDirectory = [...files.keys()].some((key) => key.startsWith(`${ref}:${path}/`));
    return isDirectory ? { kind: "not-a-file" } : { kind: "absent" };
  }

  async branchHeadSha(where: RepoName, branch: string) {
    const sha = this.repo(where).branches.get(branch);
    if (sha === undefined) throw notFound(`branch ${branch}`);
    return sha;
  }

  async deleteBranch(where: RepoName, branch: string) {
    return this.repo(where).branches.delete(branch);
  }

  // Check runs.

  async checkRuns(where: RepoName, headSha: string, name: string) {
    return this.repo(where)
      .checkRuns.filter((run) => run.headSha === headSha && run.name === name)
      .map((run) => ({ id: run.id, externalId: run.externalId }));
  }

  async createCheckRun(where: RepoName, headSha: string, run: CompletedCheckRun) {
    const id = this.#world.nextId++;
    this.repo(where).checkRuns.push({ id, headSha, name: run.name, externalId: run.externalId, conclusion: run.conclusion, title: run.title, summary: run.summary });
    return { id };
  }

  async updateCheckRun(where: RepoName, id: number, run: CompletedCheckRun) {
    const found = this.repo(where).checkRuns.find((candidate) => candidate.id === id);
    if (!found) throw notFound(`check run ${id}`);
    Object.assign(found, { name: run.name, conclusion: run.conclusion, title: run.title, summary: run.summary }, run.externalId === undefined ? {} : { externalId: run.externalId });
  }

  // Pull requests.

  async listPulls(where: RepoName, filter: { state: "open" | "all"; base?: string }) {
    const repo = this.repo(where);
    // GitHub lists the newest first.
    return [...repo.pulls.values()]
      .filter((pull) => filter.state === "all" || repo.issues.get(pull.number)?.state === "open")
      .filter((pull) => filter.base === undefined || pull.base === filter.base)
      .sort((a, b) => b.number - a.number)
      .map((pull) => this.#pullRequest(where, pull.number));
  }

  async createPull(where: RepoName, pull: NewPullRequest) {
    const repo = this.repo(where);
    if (!repo.branches.has(pull.head)) throw unprocessable(`head ${pull.head} does not exist`);
    if (!repo.branches.has(pull.base)) throw unprocessable(`base ${pull.base} does not exist`);
    const open = [...repo.pulls.values()].some((other) => other.head === pull.head && repo.issues.get(other.number)?.state === "open");
    if (open) throw unprocessable(`A pull request already exists for ${where.owner}:${pull.head}.`);
    const number = repo.nextNumber();
    repo.issues.set(number, this.#newIssue(number, pull.title, pull.body, [], this.bot, true));
    repo.pulls.set(number, { number, head: pull.head, base: pull.base, draft: pull.draft, merged: false, requestedReviewers: [] });
    return this.#pullRequest(where, number);
  }

  async updatePull(ref: PullRef, changes: PullChanges) {
    const repo = this.repo(ref);
    const pull = repo.pulls.get(ref.pull);
    const issue = repo.issues.get(ref.pull);
    if (!pull || !issue) throw notFound(`pull request #${ref.pull}`);
    if (changes.base !== undefined && !repo.branches.has(changes.base)) throw unprocessable(`base ${changes.base} does not exist`);
    if (changes.title !== undefined) issue.title = changes.title;
    if (changes.body !== undefined) issue.body = changes.body;
    if (changes.state !== undefined) issue.state = changes.state;
    if (changes.base !== undefined) pull.base = changes.base;
  }

  async requestReviewers(ref: PullRef, reviewers: string[]) {
    const pull = this.repo(ref).pulls.get(ref.pull);
    if (!pull) throw notFound(`pull request #${ref.pull}`);
    // GitHub refuses the whole request when one reviewer is not a collaborator.
    const outsider = reviewers.find((login) => this.repo(ref).roles.get(login.toLowerCase()) === undefined);
    if (outsider !== undefined) return { kind: "refused", reason: `Reviews may only be requested from collaborators. ${outsider} is not a collaborator.` } as const;
    for (const login of reviewers) if (!pull.requestedReviewers.includes(login)) pull.requestedReviewers.push(login);
    return { kind: "requested" } as const;
  }

  // Reviews.

  async getReview(ref: PullRef, reviewId: number) {
    const review = this.repo(ref).reviews.find((candidate) => candidate.pull === ref.pull && candidate.id === reviewId);
    if (!review) throw notFound(`review ${reviewId}`);
    return { id: review.id, state: review.state.toLowerCase(), body: review.body, author: review.author };
  }

  async reviewComments(ref: PullRef, reviewId: number) {
    return this.#reviewCommentsOn(ref)
      .filter((comment) => comment.reviewId === reviewId)
      .map((comment) => this.#reviewComment(ref, comment));
  }

  async pullComments(ref: PullRef) {
    return this.#reviewCommentsOn(ref).map((comment) => ({ id: comment.id, body: comment.body, inReplyTo: comment.inReplyTo, author: comment.author }));
  }

  async replyToReviewComment(ref: PullRef, commentId: number, body: string) {
    const parent = this.#reviewCommentsOn(ref).find((comment) => comment.id === commentId);
    if (!parent) throw notFound(`review comment ${commentId}`);
    const reply = { ...parent, id: this.#world.nextId++, reviewId: undefined, inReplyTo: parent.inReplyTo ?? parent.id, body, author: this.bot };
    this.repo(ref).reviewComments.push(reply);
  }

  async reviewThreads(ref: PullRef) {
    const comments = this.#reviewCommentsOn(ref);
    return comments
      .filter((comment) => comment.inReplyTo === undefined)
      .map((root) => ({
        resolved: root.resolved,
        comments: comments.filter((comment) => comment.id === root.id || comment.inReplyTo === root.id).map((comment) => this.#reviewComment(ref, comment)),
      }));
  }

  // Repositories, and the App's own routes.

  async getRepository(where: RepoName) {
    const facts = this.repo(where).facts;
    if (!facts) throw notFound(`repository ${where.owner}/${where.repo}`);
    return this.#repository(facts);
  }

  async installationRepos() {
    if (this.#installation === undefined) throw new MemoryGitHubError(403, "installationRepos needs an installation's credentials (forInstallation)");
    return [...this.#world.repos.values()].flatMap((repo) => (repo.facts && repo.facts.installationId === this.#installation ? [this.#repository(repo.facts)] : []));
  }

  async appSlug() {
    return this.#slug;
  }

  async installations() {
    return [...this.#world.installations].map(([id, installation]) => ({ id, suspended: installation.suspended }));
  }

  async installationOf(where: RepoName) {
    return this.repo(where).facts?.installationId;
  }

  #repository(facts: RepositoryFacts): Repository {
    const { owner, name, defaultBranch, archived, disabled, pushedAt } = facts;
    return { owner, name, cloneUrl: `${this.#web}/${owner}/${name}.git`, defaultBranch, archived, disabled, pushedAt };
  }

  #newIssue(number: number, title: string, body: string, labels: string[], author: Author, isPull: boolean): MemoryIssue {
    const now = new Date().toISOString();
    return { number, title, body, state: "open", labels, author, isPull, locked: false, createdAt: now, updatedAt: now, thumbsUp: 0, labelEvents: [] };
  }

  #issue(ref: IssueRef) {
    const issue = this.repo(ref).issues.get(ref.issueNumber);
    if (!issue) throw notFound(`issue #${ref.issueNumber}`);
    return issue;
  }

  #pullRequest(where: RepoName, number: number): PullRequest {
    const repo = this.repo(where);
    const pull = repo.pulls.get(number);
    const issue = repo.issues.get(number);
    if (!pull || !issue) throw notFound(`pull request #${number}`);
    return {
      number,
      state: issue.state,
      merged: pull.merged,
      url: `${this.#web}/${where.owner}/${where.repo}/pull/${number}`,
      title: issue.title,
      body: issue.body,
      labels: [...issue.labels],
      head: { ref: pull.head, sha: repo.branches.get(pull.head) ?? "0".repeat(40), repoFullName: `${where.owner}/${where.repo}` },
      base: pull.base,
    };
  }

  #reviewCommentsOn(ref: PullRef): MemoryReviewComment[] {
    if (!this.repo(ref).pulls.has(ref.pull)) throw notFound(`pull request #${ref.pull}`);
    return this.repo(ref).reviewComments.filter((comment) => comment.pull === ref.pull);
  }

  #reviewComment(where: RepoName, comment: MemoryReviewComment): ReviewComment {
    const { id, path, line, diffHunk, body } = comment;
    return { id, path, line, diffHunk, body, author: comment.author.login, url: `${this.#web}/${where.owner}/${where.repo}/pull/${comment.pull}#discussion_r${id}` };
  }
}
