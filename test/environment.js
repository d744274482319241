import { TestEnvironment } from "jest-environment-node";

/**
 * Node's test environment, plus one duty: when a test file ends, its copy of nock lets go of
 * the process's HTTP interception. An `afterAll` cannot do it, because Jest runs no hooks in
 * a file whose tests were all skipped (the Docker files on a machine without Docker), and
 * every copy left behind wraps the sockets of every later file in the same worker again.
 */
export default class FerryTestEnvironment extends TestEnvironment {
  async teardown() {
    this.global.releaseNock?.();
    await super.teardown();
  }
}
