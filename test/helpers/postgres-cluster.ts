import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./process.ts";

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const USER = "ferry_test";

/**
 * The test cluster without Jest (the benchmarks start it too); test/helpers/postgres.ts adds
 * `describeWithPostgres` and `useCluster`.
 */

/** A PostgreSQL cluster of the test's own, on loopback, in a temporary directory. */
export type PostgresCluster = {
  /** Milliseconds from initdb to the server accepting connections. */
  startedInMs: number;
  url(database: string): string;
  /** A fresh database, empty or a copy of `template`; its URL. */
  createDatabase(options?: { template?: string; name?: string }): Promise<string>;
  stop(): Promise<void>;
};

/** Where initdb and pg_ctl live: `pg_config --bindir`, PATH, else Debian's versioned directories, newest first. */
export function postgresBinDir(): string | undefined {
  const onPath = (process.env["PATH"] ?? "").split(":").filter((dir) => dir !== "");
  const candidates = [pgConfigBinDir(), ...onPath];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, "bin")));
  }
  return candidates.find((dir) => dir !== undefined && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
}

/** pg_config may come with the client headers alone (libpq-dev): its bindir then has no initdb, which the caller checks. */
function pgConfigBinDir(): string | undefined {
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** Why PostgreSQL cannot run here, or undefined when it can. */
export function missingPostgres(): string | undefined {
  if (!postgresBinDir()) return "no PostgreSQL server binaries (initdb, pg_ctl)";
  if (isRoot && !userExists("postgres")) return "running as root and there is no `postgres` user to run the server as";
  return undefined;
}

function userExists(name: string): boolean {
  return readFileSync("/etc/passwd", "utf8").split("\n").some((line) => line.startsWith(`${name}:`));
}

/** initdb refuses root: as root, the server's programs run as the `postgres` user, in the cluster's directory (it may not enter ours). */
async function runServerTool(bin: string, dir: string, tool: string, args: string[]): Promise<void> {
  const command = join(bin, tool);
  if (isRoot) await run("runuser", ["-u", "postgres", "--", command, ...args], { cwd: dir });
  else await run(command, args, { cwd: dir });
}

/** Starts a cluster: trust on its own socket only, a password over TCP, fsync off (throwaway data). */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed (no initdb)");
  const began = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "ferry-pg-"));
  const data = join(dir, "data");
  const password = randomBytes(12).toString("hex");
  writeFileSync(join(dir, "pwfile"), `${password}\n`, { mode: 0o600 });
  if (isRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
    chownSync(join(dir, "pwfile"), uid, gid);
  }
  try {
    await runServerTool(bin, dir, "initdb", ["-D", data, "-U", USER, `--pwfile=${join(dir, "pwfile")}`, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const port = await startServer(bin, dir, data);
    return cluster({ bin, dir, data, port, password, startedInMs: Math.round(performance.now() - began) });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function postgresIds(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((entry) => entry.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined) throw new Error("no postgres user");
  return { uid: Number(uid), gid: Number(gid) };
}

/** A port free a moment ago can be taken before the server binds it: a few tries. */
async function startServer(bin: string, dir: string, data: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    try {
      await runServerTool(bin, dir, "pg_ctl", ["start", "-w", "-t", "30", "-D", data, "-l", join(dir, "server.log"), "-o", options]);
      return port;
    } catch (error) {
      if (attempt >= 3) throw new Error(`PostgreSQL did not start: ${serverLog(dir)}`, { cause: error });
    }
  }
}

function serverLog(dir: string): string {
  try {
    return readFileSync(join(dir, "server.log"), "utf8").slice(-2000);
  } catch {
    return "(no server log)";
  }
}

function cluster(options: { bin: string; dir: string; data: string; port: number; password: string; startedInMs: number }): PostgresCluster {
  const url = (database: string) => `postgres://${USER}:${options.password}@127.0.0.1:${options.port}/${database}`;
  let databases = 0;
  return {
    startedInMs: options.startedInMs,
    url,
    async createDatabase({ template, name = `test_${(databases += 1)}` } = {}) {
      const admin = new pg.Client({ connectionString: url("postgres") });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      try {
        // pg_ctl stops the postmaster whose pid its data directory records: this cluster, no other.
        await runServerTool(options.bin, options.dir, "pg_ctl", ["stop", "-w", "-m", "fast", "-D", options.data]);
      } finally {
        rmSync(options.dir, { recursive: true, force: true });
      }
    },
  };
}
