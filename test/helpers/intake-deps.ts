import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { InProcessQueue } from "../../src/tasks/queue.ts";
import { placeholderRunner } from "../../src/tasks/placeholder-runner.ts";
import type { IntakeDeps } from "../../src/intake/intake.ts";
import { FollowUps } from "../../src/steering/follow-ups/follow-ups.ts";
import { silentLog } from "./probot.ts";
import { testAccountOf } from "./ferry-account.ts";

/**
 * A real store in memory and a queue that is never started: handlers enqueue, nothing
 * runs, so a test sees exactly what intake did.
 */
export function intakeDeps(): IntakeDeps & { store: SqliteStore; queue: InProcessQueue; followUps: FollowUps } {
  const store = new SqliteStore({ dataDir: ":memory:" });
  const queue = new InProcessQueue({ store, runner: placeholderRunner, concurrency: 1 });
  const followUps = new FollowUps({ store, queue, log: silentLog });
  return { store, queue, followUps, account: testAccountOf };
}
