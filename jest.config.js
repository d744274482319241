/** Jest runs the TypeScript sources as native ESM, transformed by swc (types stripped only). */
export default {
  testEnvironment: "<rootDir>/test/environment.js",
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript" }, target: "es2024" },
        module: { type: "es6" },
      },
    ],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  testTimeout: 20000,
  // The files run one after another (one worker on two cores), in a worker process that is
  // replaced once it holds more than this after a file: in one process, the ESM module registries
  // of ~350 files outgrow Node's 4 GB heap (CI stopped there, out of memory).
  workerIdleMemoryLimit: "1536MB",
};
