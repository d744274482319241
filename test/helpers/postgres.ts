import { afterAll, beforeAll, describe, test } from "@jest/globals";
import { missingPostgres, startPostgres, type PostgresCluster } from "./postgres-cluster.ts";

export { postgresBinDir, startPostgres, type PostgresCluster } from "./postgres-cluster.ts";

const missing = missingPostgres();

/**
 * `describe` for tests that need a real PostgreSQL. Without one they are skipped under a name
 * that starts with "needs PostgreSQL:" and a notice on stderr; in CI (`CI` set) they fail
 * instead, since CI installs it (.ci/run) and a green run must mean they ran.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  if (!missing) {
    describe(name, body);
    return;
  }
  if (process.env["CI"]) {
    test(`needs PostgreSQL: ${name}`, () => {
      throw new Error(`PostgreSQL is required in CI and is missing: ${missing}. .ci/run installs Debian's postgresql.`);
    });
    return;
  }
  process.stderr.write(`\n  ⚠ SKIPPED "${name}": needs PostgreSQL (${missing}; CI installs it).\n\n`);
  describe.skip(`needs PostgreSQL: ${name}`, body);
}

let shared: { starting: Promise<PostgresCluster>; users: number } | undefined;

/**
 * Inside a describe: the test file's own cluster, started at the first call (so it boots while the
 * file's other tests run) and stopped after the last describe that uses it.
 */
export function useCluster(): () => PostgresCluster {
  if (missing) return () => {
    throw new Error(`PostgreSQL is missing: ${missing}`);
  };
  if (!shared) {
    shared = { starting: startPostgres(), users: 0 };
    // Awaited in beforeAll; until then a failure must not count as unhandled.
    shared.starting.catch(() => undefined);
  }
  const state = shared;
  state.users += 1;
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await state.starting;
  }, 60_000);
  afterAll(async () => {
    state.users -= 1;
    if (state.users === 0) await (await state.starting).stop();
  }, 30_000);
  return () => {
    if (!cluster) throw new Error("The PostgreSQL cluster is used before its beforeAll started it.");
    return cluster;
  };
}
