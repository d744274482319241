import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { ForbiddenTransitionError } from "../../../src/tasks/state-machine.ts";
import { newTask } from "../support/new-task.ts";
import { describeEachStore } from "./each-store.ts";

/** Stores on one database stand for processes on several machines; PostgreSQL runs their calls truly at once. */
const PROCESSES = 4;
const ROUNDS = 8;

const settledValues = <T>(results: PromiseSettledResult<T>[]): T[] => results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));

describeEachStore("several processes on one database", ({ open }) => {
  let stores: Store[];
  beforeEach(async () => {
    stores = [];
    for (let i = 0; i < PROCESSES; i += 1) stores.push(await open());
  });
  const each = <T>(call: (store: Store, index: number) => Promise<T>): Promise<T[]> => Promise.all(stores.map(call));

  test("a task created through one process is the active one for another", async () => {
    const [one, two] = stores;
    const first = await one!.createTask(newTask());
    expect(await two!.createTask(newTask())).toEqual({ created: false, task: first.task });
  });

  test("processes creating an issue's task at once create one, and all get it", async () => {
    for (let issue = 1; issue <= ROUNDS; issue += 1) {
      const results = await each((store) => store.createTask(newTask({ issueNumber: issue })));
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.task.id)).size).toBe(1);
    }
    expect(await stores[0]!.listTasks(["queued"])).toHaveLength(ROUNDS);
  });

  test("processes moving one task at once: one move wins, the others are refused, one state event", async () => {
    const { task } = await stores[0]!.createTask(newTask());
    const moves = await Promise.allSettled(stores.map((store) => store.transition(task.id, "preparing")));
    expect(settledValues(moves)).toHaveLength(1);
    for (const move of moves) if (move.status === "rejected") expect(move.reason).toBeInstanceOf(ForbiddenTransitionError);
    expect(await stores[0]!.listEvents(task.id)).toHaveLength(1);
  });

  test("runs started at once get distinct numbers", async () => {
    const { task } = await stores[0]!.createTask(newTask());
    const runs = await each((store) => store.startRun(task.id));
    expect(runs.map((run) => run.number).sort()).toEqual([1, 2, 3, 4].slice(0, PROCESSES));
  });

  test("a sweep's due time claimed by every server at once is claimed once", async () => {
    for (let hour = 0; hour < ROUNDS; hour += 1) {
      const dueAt = new Date(Date.UTC(2026, 10, 22, hour)).toISOString();
      const claims = await each((store, index) => store.claimSweep(index % 2 === 0 ? "octo-org" : "Octo-Org", "widgets", dueAt));
      expect(claims.filter(Boolean)).toHaveLength(1);
    }
  });

  test("a delivery posted to every server at once is accepted once", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const accepted = await each((store) => store.acceptDelivery({ id: `d-${round}`, event: "issues", payload: { round } }));
      expect(accepted.filter(Boolean)).toHaveLength(1);
    }
    expect(await stores[0]!.pendingDeliveries()).toHaveLength(ROUNDS);
  });

  test("one body replayed under several ids at once is accepted once", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const accepted = await each((store, index) => store.acceptDelivery({ id: `r-${round}-${index}`, event: "issues", payload: { round } }));
      expect(accepted.filter(Boolean)).toHaveLength(1);
    }
  });

  test("a redelivery arriving while another server settles the first copy is refused", async () => {
    const [server, other] = stores;
    for (let round = 0; round < ROUNDS; round += 1) {
      const delivery = { id: `d-${round}`, event: "issues", payload: { round } };
      await server!.acceptDelivery(delivery);
      const [, redelivered] = await Promise.all([server!.settleDelivery(delivery.id, "issues"), other!.acceptDelivery(delivery)]);
      expect(redelivered).toBe(false);
    }
    expect(await server!.pendingDeliveries()).toEqual([]);
  });

  test("inbox messages taken by several processes at once are each given to one of them", async () => {
    const { task } = await stores[0]!.createTask(newTask());
    for (let i = 0; i < 12; i += 1) await stores[i % PROCESSES]!.pushInbox(task.id, "monalisa", `m${i}`);
    const taken = (await each((store) => store.takeInbox(task.id))).flat();
    expect(taken.map((message) => message.body).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`).sort());
  });

  test("review comments added to one batch at once all land in one follow-up", async () => {
    const { task } = await stores[0]!.createTask(newTask());
    const append = (value: number) => (existing: unknown) => [...(Array.isArray(existing) ? existing : []), value];
    await each((store, index) => store.addFollowUp(task.id, { kind: "review", author: "a", data: [index], batch: "pull-4" }, append(index)));
    const open = await stores[0]!.openFollowUps(task.id);
    expect(open).toHaveLength(1);
    expect(open[0]?.data).toEqual(expect.arrayContaining(stores.map((_, index) => index)));
  });

  test("a comment joining a batch while a worker takes it is in what the worker took or in a new follow-up, never lost", async () => {
    const [server, worker] = stores;
    const { task } = await server!.createTask(newTask());
    const append = (value: number) => (existing: unknown) => [...(Array.isArray(existing) ? existing : []), value];
    for (let round = 0; round < ROUNDS; round += 1) {
      await server!.addFollowUp(task.id, { kind: "review", author: "a", data: [`first-${round}`], batch: "pull-4" }, append(-1));
      const run = await worker!.startRun(task.id);
      const [taken] = await Promise.all([worker!.takeFollowUp(task.id, run.id), server!.addFollowUp(task.id, { kind: "review", author: "a", data: [round], batch: "pull-4" }, append(round))]);
      const waiting = (await server!.openFollowUps(task.id)).filter((followUp) => followUp.runId === null);
      const seen = [taken?.data, ...waiting.map((followUp) => followUp.data)].flatMap((data) => (Array.isArray(data) ? data : []));
      expect(seen.filter((value) => value === round)).toHaveLength(1);
      await worker!.endRuns(task.id);
      await server!.dropFollowUps(task.id);
    }
  });
});
