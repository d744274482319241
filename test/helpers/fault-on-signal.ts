/*
 * Preloaded (`node --import`) into `node src/main.ts` by test/main-faults.test.ts: on SIGUSR2 the
 * process meets the fault FERRY_TEST_FAULT names, from code Ferry did not write, as a bug would.
 */
process.on("SIGUSR2", () => {
  if (process.env.FERRY_TEST_FAULT === "exception") {
    setImmediate(() => {
      throw new Error("test fault: thrown");
    });
    return;
  }
  // Nobody awaits it: an unhandled rejection.
  void Promise.reject(new Error("test fault: rejected"));
});
