import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { access, appendFile, chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { changesInSandbox } from "../../src/workspace/sandbox-changes.ts";
import type { SnapshotFixture } from "./support/snapshot-fixture.ts";
import { snapshotFixture } from "./support/snapshot-fixture.ts";
import { agentGit, editFiles } from "./support/work-tree.ts";

let fixture: SnapshotFixture;
let sandbox: LocalSandbox;
beforeEach(async () => {
  fixture = await snapshotFixture({ "README.md": "# Project\n", "src/app.js": "one\n" });
  sandbox = new LocalSandbox();
  await sandbox.start({ taskId: 1, workDir: fixture.checkout.workDir, image: "unused", network: false, limits: { memoryMb: 512, cpus: 1, pids: 128 } });
});
afterEach(async () => {
  await sandbox.stop();
  await fixture.close();
});

const changes = () => changesInSandbox(sandbox, fixture.checkout);

test("an untouched tree has no changes", async () => {
  expect(await changes()).toEqual({ files: [], patch: "" });
});

test("edits, additions and deletions are counted against the base", async () => {
  await editFiles(fixture.checkout.workDir, { "src/app.js": "two\n", "src/new.js": "a\nb\n", "README.md": null });
  const { files } = await changes();
  expect(files.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
    { path: "README.md", added: 0, deleted: 1, binary: false },
    { path: "src/app.js", added: 1, deleted: 1, binary: false },
    { path: "src/new.js", added: 2, deleted: 0, binary: false },
  ]);
});

test("a change the agent committed still counts: the base is Ferry's, not the agent's HEAD", async () => {
  await editFiles(fixture.checkout.workDir, { "src/app.js": "two\n" });
  await agentGit(fixture.checkout.workDir, ["-c", "user.name=a", "-c", "user.email=a@example.com", "commit", "-qam", "mine"]);
  expect((await changes()).files.map((file) => file.path)).toEqual(["src/app.js"]);
});

test("the shell's current directory does not matter", async () => {
  await editFiles(fixture.checkout.workDir, { "src/new.js": "x\n" });
  await sandbox.exec("cd src", { timeoutMs: 5_000 });
  expect((await changes()).files.map((file) => file.path)).toEqual(["src/new.js"]);
});

test("filters and fsmonitor planted in the agent's .git do not run, even in the local sandbox", async () => {
  const trap = join(fixture.root, "trap-fired");
  const script = join(fixture.root, "trap.sh");
  await writeFile(script, `#!/bin/sh\ntouch ${trap}\ncat\n`);
  await chmod(script, 0o755);
  await appendFile(join(fixture.checkout.workDir, ".git", "config"), `[filter "x"]\n\tclean = ${script}\n[core]\n\tfsmonitor = ${script}\n`);
  await editFiles(fixture.checkout.workDir, { ".gitattributes": "* filter=x\n", "src/app.js": "two\n" });
  await changes();
  await expect(access(trap)).rejects.toThrow();
});
