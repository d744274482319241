/** A clock that only moves when the test says so. */
export function manualClock(start = "2025-01-01T12:00:00.000Z") {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms: number): void => {
      now += ms;
    },
  };
}
