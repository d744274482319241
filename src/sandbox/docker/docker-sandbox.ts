import type Docker from "dockerode";
import type { Container } from "dockerode";
import type { Log } from "../../logger.ts";
import { DEFAULT_OUTPUT_LIMIT_BYTES, type ExecOptions, type ExecResult, type Sandbox, type SandboxSpec, type StartOptions } from "../sandbox.ts";
import { SandboxError } from "../sandbox-error.ts";
import { shellFiles, type SandboxFiles } from "../sandbox-files.ts";
import type { ShellSession } from "../shell/shell-session.ts";
import { containerOptions } from "./container-options.ts";
import { openDockerShell, sweepContainer } from "./docker-shell.ts";
import { requireEngine } from "./engine.ts";
import { ensureImage } from "./image.ts";
import { containerLabels } from "./labels.ts";
import { connectNetwork, disconnectNetworks } from "./network.ts";
import { handOverCheckout, sandboxUser } from "./ownership.ts";

export type DockerSandboxOptions = {
  docker: Docker;
  /** Labels the container as this installation's (see labels.ts). */
  instance: string;
  /** The network used while the network is allowed (setup). Default: bridge. */
  network?: string;
  log?: Log;
};

/** A task's container: created on start, one persistent shell inside, removed on stop. */
export class DockerSandbox implements Sandbox {
  readonly kind = "docker";
  readonly #options: DockerSandboxOptions;
  readonly #network: string;
  #container: Container | undefined;
  #shell: ShellSession | undefined;
  #user = sandboxUser();
  #outputLimit = DEFAULT_OUTPUT_LIMIT_BYTES;
  readonly files: SandboxFiles = shellFiles(() => this.#session());

  constructor(options: DockerSandboxOptions) {
    this.#options = options;
    this.#network = options.network ?? "bridge";
  }

  async start(spec: SandboxSpec, { signal }: StartOptions = {}): Promise<void> {
    if (this.#container) throw new SandboxError("The sandbox is already started.");
    const { docker, instance, log } = this.#options;
    this.#outputLimit = spec.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES;
    // Otherwise a missing engine reads as a missing image: the image check fails first.
    await requireEngine(docker);
    await ensureImage(docker, spec.image, signal);
    await handOverCheckout(spec.workDir, this.#user);
    // Checked here and not passed on: a create cut off halfway could leave a container we hold no handle to.
    signal?.throwIfAborted();
    const options = containerOptions(spec, {
      user: this.#user,
      labels: containerLabels(spec.taskId, instance),
      network: this.#network,
    });
    const container = await docker.createContainer(options);
    this.#container = container;
    await container.start();
    log?.info({ task: spec.taskId, container: container.id.slice(0, 12), image: spec.image }, "Sandbox container started");
    if (!spec.network) await this.setNetwork(false);
  }

  async exec(command: string, options: ExecOptions): Promise<ExecResult> {
    const session = await this.#session();
    try {
      return await session.exec(command, options);
    } finally {
      // The shell ended with the command (the command killed it, or it was given up): its sweep never ran.
      if (!session.alive && this.#container) await sweepContainer(this.#container, this.#user);
    }
  }

  async setNetwork(enabled: boolean): Promise<void> {
    const container = this.#started();
    if (enabled) await connectNetwork(this.#options.docker, container, this.#network);
    else await disconnectNetworks(this.#options.docker, container, await this.#session());
  }

  async stop(): Promise<void> {
    this.#shell?.close();
    this.#shell = undefined;
    const container = this.#container;
    this.#container = undefined;
    if (!container) return;
    try {
      await container.remove({ force: true, v: true });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async #session(): Promise<ShellSession> {
    if (this.#shell?.alive) return this.#shell;
    const container = this.#started();
    const state = (await container.inspect()).State;
    if (!state.Running) {
      throw new SandboxError(`The sandbox container has stopped (exit code ${state.ExitCode}${state.OOMKilled ? ", killed for using too much memory" : ""}).`);
    }
    this.#shell = await openDockerShell(container, { user: this.#user, outputLimitBytes: this.#outputLimit });
    return this.#shell;
  }

  #started(): Container {
    if (!this.#container) throw new SandboxError("The sandbox was not started.");
    return this.#container;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "statusCode" in error && error.statusCode === 404;
}
