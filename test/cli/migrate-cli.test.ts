import { expect, test } from "@jest/globals";
import { execa } from "execa";
import { resolve } from "node:path";
import { describeWithPostgres, useCluster } from "../helpers/postgres.ts";
import { freePort } from "../helpers/process.ts";
import { POSTGRES_MIGRATIONS } from "../../src/tasks/postgres/schema.ts";

const MAIN = resolve("src/cli/main.ts");
/** `ferry <args>` as an operator types it, with nothing of the test's environment but PATH and what `env` adds. */
const ferry = (args: string[], env: Record<string, string>) =>
  execa(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", ...env }, extendEnv: false, reject: false, cwd: "/" });

describeWithPostgres("ferry migrate on a real PostgreSQL", () => {
  const cluster = useCluster();

  test("applies every migration once; a second run has nothing to do", async () => {
    const url = await cluster().createDatabase();
    const first = await ferry(["migrate"], { DATABASE_URL: url });
    expect({ code: first.exitCode, out: first.stdout }).toEqual({
      code: 0,
      out: expect.stringMatching(new RegExp(`^PostgreSQL at postgres://\\[redacted\\]@127\\.0\\.0\\.1:\\d+/\\w+: applied ${POSTGRES_MIGRATIONS.length} migrations?; schema now at version ${POSTGRES_MIGRATIONS.length}\\.$`)),
    });
    const second = await ferry(["migrate"], { FERRY_DATABASE_URL: url });
    expect(second.stdout).toMatch(/schema already at version \d+; nothing to do\.$/);
  });

  test("ferry doctor reports the migrated database, line by line, and exits 1 for what is missing", async () => {
    const url = await cluster().createDatabase();
    await ferry(["migrate"], { DATABASE_URL: url });
    const model = `http://127.0.0.1:${await freePort()}/v1`;
    const doctor = await ferry(["doctor"], { DATABASE_URL: url, FERRY_SANDBOX: "local", OPENAI_BASE_URL: model });
    expect(doctor.exitCode).toBe(1);
    const lines = doctor.stdout.split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^ok {4}database {2}PostgreSQL at .* answers; schema version \d+, up to date$/),
      expect.stringMatching(/^ok {4}queue {5}pg-boss schema ferry_queue not created yet/),
      "skip  docker    FERRY_SANDBOX=local: commands run on this machine, without Docker",
      expect.stringMatching(/^fail {2}github {4}no GitHub App credentials/),
      `fail  model     the model endpoint ${model} is unreachable: connect ECONNREFUSED ${model.slice("http://".length, -"/v1".length)}`,
    ]);
    expect(doctor.stdout).not.toContain(new URL(url).password);
  });
});

test("ferry --help lists doctor and migrate", async () => {
  const help = await ferry(["--help"], {});
  expect(help.stderr).toMatch(/^ {2}doctor {3}check the database, the queue, Docker, GitHub credentials and the model endpoint$/m);
  expect(help.stderr).toMatch(/^ {2}migrate {2}bring the PostgreSQL schema \(DATABASE_URL\) up to date$/m);
});

test("ferry migrate without a database URL says SQLite migrates at start-up, exit 0", async () => {
  const result = await ferry(["migrate"], { FERRY_DATA_DIR: "/tmp/ferry-migrate-sqlite" });
  expect({ code: result.exitCode, out: result.stdout }).toEqual({ code: 0, out: "No DATABASE_URL: Ferry uses SQLite in /tmp/ferry-migrate-sqlite, whose schema every start migrates. Nothing to do." });
});
