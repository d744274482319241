import type { SliceUnit } from "./slice-units.ts";

/**
 * Depth-first topological order of units (dependencies just before dependents, ties by index = path order),
 * in runs: a unit, then the tests pulled in right after it once everything they need and test is placed.
 * Test units wait for that pull rather than starting the walk, so they land next to their code.
 */
export function orderUnits(units: readonly SliceUnit[]): number[][] {
  const state = new Array<"new" | "open" | "done">(units.length).fill("new");
  const waiting = waitersByUnit(units);
  const runs: number[][] = [];
  const ready = (unit: number): boolean =>
    state[unit] === "new" && [...units[unit]!.dependsOn, ...units[unit]!.tests].every((other) => state[other] === "done");

  const place = (unit: number, run: number[]): void => {
    state[unit] = "done";
    run.push(unit);
    for (const waiter of waiting[unit]!) if (ready(waiter)) place(waiter, run);
  };
  // Iterative, so a long import chain cannot overflow the call stack.
  const visit = (root: number): void => {
    if (state[root] !== "new") return;
    state[root] = "open";
    const stack = [{ unit: root, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const dependency = units[frame.unit]!.dependsOn[frame.next++];
      if (dependency === undefined) {
        stack.pop();
        const run: number[] = [];
        runs.push(run);
        place(frame.unit, run);
      } else if (state[dependency] === "new") {
        state[dependency] = "open";
        stack.push({ unit: dependency, next: 0 });
      }
    }
  };

  units.forEach((unit, at) => unit.tests.length === 0 && visit(at));
  units.forEach((_, at) => visit(at)); // tests that could not wait (code depends on them) or never became ready
  return runs;
}

/** Unit → test units that may become ready once it is placed: it is one of their dependencies or subjects. */
function waitersByUnit(units: readonly SliceUnit[]): number[][] {
  const waiting = units.map((): number[] => []);
  units.forEach((unit, at) => {
    if (unit.tests.length === 0) return;
    for (const other of new Set([...unit.dependsOn, ...unit.tests])) waiting[other]!.push(at);
  });
  return waiting;
}
