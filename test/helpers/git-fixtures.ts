import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { execa } from "execa";

/**
 * Upstream repositories for tests and benchmarks: bare, default branch `main`, written with
 * `git fast-import` so even a 5,000-file, 200-commit history takes well under a few seconds.
 */

/** A file's new content, or null to delete it. */
export type FixtureContent = string | Uint8Array | null;

export type FixtureCommit = {
  message: string;
  files: Record<string, FixtureContent>;
  /** Defaults to `main`. */
  branch?: string;
  /** Where a branch that does not exist yet starts (a ref or sha); without it, a root commit. */
  from?: string;
};

const IDENTITY = "Fixture Author <fixture@example.com>";

/** Runs git in `gitDir` with the caller's config kept out, and returns trimmed stdout. */
export async function fixtureGit(gitDir: string, args: string[], input?: string | Uint8Array): Promise<string> {
  const env = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  const { stdout } = await execa("git", [`--git-dir=${gitDir}`, ...args], { env, input });
  return stdout.trim();
}

/** Creates an empty bare repository whose HEAD is `main`. */
export async function createBareRepo(gitDir: string): Promise<void> {
  await mkdir(dirname(gitDir), { recursive: true });
  await execa("git", ["init", "--quiet", "--bare", "--initial-branch=main", gitDir]);
}

/** Appends commits (in order) and returns the sha of each. */
export async function addCommits(gitDir: string, commits: FixtureCommit[]): Promise<string[]> {
  const chunks: Buffer[] = [];
  const started = new Set<string>();
  let time = Math.floor(Date.now() / 1000);
  for (const [index, commit] of commits.entries()) {
    const branch = commit.branch ?? "main";
    const parent = started.has(branch) ? undefined : ((await tipOf(gitDir, branch)) ?? commit.from);
    started.add(branch);
    chunks.push(commitHeader(branch, index + 1, time++, commit.message, parent));
    for (const [path, content] of Object.entries(commit.files)) chunks.push(fileCommand(path, content));
    chunks.push(Buffer.from("\n"));
  }
  chunks.push(Buffer.from(commits.map((_, index) => `get-mark :${index + 1}\n`).join("") + "done\n"));
  const marks = await fixtureGit(gitDir, ["fast-import", "--quiet", "--done"], Buffer.concat(chunks));
  return marks.split("\n");
}

/** A bare repository with the given commits on `main` (and other branches); returns their shas. */
export async function createRepo(gitDir: string, commits: FixtureCommit[]): Promise<string[]> {
  await createBareRepo(gitDir);
  return addCommits(gitDir, commits);
}

/** The small repository most workspace tests start from. */
export async function createSimpleRepo(gitDir: string): Promise<string> {
  const [sha] = await createRepo(gitDir, [
    {
      message: "Initial commit",
      files: {
        "README.md": "# Hello\n\nA repository for tests.\n",
        "src/greet.js": 'export const greet = (name) => `Hello, ${name}!`;\n',
        "docs/guide.md": "# Guide\n\nLine one.\nLine two.\nLine three.\n",
        "assets/logo.bin": new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7]),
      },
    },
  ]);
  if (!sha) throw new Error("fast-import returned no commit");
  return sha;
}

/** `files` files over `commits` commits: the first adds them all, each later one edits a few. */
export async function createGeneratedRepo(gitDir: string, size: { files: number; commits: number }): Promise<void> {
  const path = (index: number): string => `pkg${Math.floor(index / 100)}/module-${index}.ts`;
  const content = (index: number, version: number): string =>
    `// module ${index}, version ${version}\n` + Array.from({ length: 30 }, (_, line) => `export const value${line} = ${index * line + version};\n`).join("");
  const initial = Object.fromEntries(Array.from({ length: size.files }, (_, index) => [path(index), content(index, 0)]));
  const commits: FixtureCommit[] = [{ message: "Add every module", files: initial }];
  for (let version = 1; version < size.commits; version++) {
    const touched = Array.from({ length: 10 }, (_, step) => (version * 37 + step * 101) % size.files);
    commits.push({ message: `Change ${version}`, files: Object.fromEntries(touched.map((index) => [path(index), content(index, version)])) });
  }
  await createBareRepo(gitDir);
  await addCommits(gitDir, commits);
}

/** The sha a branch points at, or undefined when it does not exist. */
export async function tipOf(gitDir: string, branch: string): Promise<string | undefined> {
  const result = await execa("git", [`--git-dir=${gitDir}`, "rev-parse", "--verify", "--quiet", `refs/heads/${branch}`], { reject: false });
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

function commitHeader(branch: string, mark: number, time: number, message: string, parent: string | undefined): Buffer {
  const text = [`commit refs/heads/${branch}`, `mark :${mark}`, `author ${IDENTITY} ${time} +0000`, `committer ${IDENTITY} ${time} +0000`];
  const body = Buffer.from(`${message}\n`);
  const from = parent ? `from ${parent}\n` : "";
  return Buffer.concat([Buffer.from(`${text.join("\n")}\ndata ${body.length}\n`), body, Buffer.from(from)]);
}

function fileCommand(path: string, content: FixtureContent): Buffer {
  if (content === null) return Buffer.from(`D ${path}\n`);
  const data = typeof content === "string" ? Buffer.from(content) : Buffer.from(content);
  return Buffer.concat([Buffer.from(`M 100644 inline ${path}\ndata ${data.length}\n`), data, Buffer.from("\n")]);
}
