import { describe, expect, test } from "@jest/globals";
import { containerOptions } from "../../src/sandbox/docker/container-options.ts";
import { containerLabels, instanceIdFor } from "../../src/sandbox/docker/labels.ts";
import { sandboxSpec } from "./support/sandbox-seam.ts";

const spec = sandboxSpec("/data/tasks/7/work", {
  image: "node:24-bookworm",
  readOnlyPaths: ["/data/mirrors/ghe.example.com:8443/o/r.git"],
  limits: { memoryMb: 2048, cpus: 1.5, pids: 300 },
});
const options = containerOptions(spec, { user: "1000:1000", labels: containerLabels(7, "abc"), network: "bridge" });

describe("containerOptions", () => {
  test("runs as the non-root user with every capability dropped and no privilege escalation", () => {
    expect(options).toMatchObject({ User: "1000:1000", HostConfig: { CapDrop: ["ALL"], SecurityOpt: ["no-new-privileges"], Privileged: false } });
  });

  test("has a read-only root with tmpfs /tmp and home, and the checkout as the only writable mount", () => {
    expect(options.HostConfig).toMatchObject({
      ReadonlyRootfs: true,
      Mounts: [
        { Type: "bind", Source: "/data/tasks/7/work", Target: "/workspace", ReadOnly: false },
        { Type: "bind", Source: "/data/mirrors/ghe.example.com:8443/o/r.git", Target: "/data/mirrors/ghe.example.com:8443/o/r.git", ReadOnly: true },
      ],
    });
    expect(Object.keys(options.HostConfig?.Tmpfs ?? {})).toEqual(["/tmp", "/home/ferry"]);
    expect(options.HostConfig?.Tmpfs?.["/home/ferry"]).toContain("uid=1000,gid=1000");
  });

  test("limits memory without swap, CPU and processes", () => {
    expect(options.HostConfig).toMatchObject({ Memory: 2048 * 1024 * 1024, MemorySwap: 2048 * 1024 * 1024, NanoCpus: 1.5e9, PidsLimit: 300 });
  });

  test("labels the container with its task and installation", () => {
    expect(options.Labels).toMatchObject({ "ferry.task": "7", "ferry.instance": "abc", "ferry.pid": String(process.pid) });
  });

  test("gives commands only the non-interactive environment, nothing from the host", () => {
    expect(options.Env).toEqual(expect.arrayContaining(["CI=true", "PAGER=cat", "GIT_PAGER=cat", "HOME=/home/ferry"]));
    expect(options.Env?.some((entry) => entry.startsWith("PATH=") || entry.includes("TOKEN") || entry.includes("KEY"))).toBe(false);
  });

  test("an installation is identified by its data directory", () => {
    expect(instanceIdFor("/var/lib/ferry")).toBe(instanceIdFor("/var/lib/ferry/"));
    expect(instanceIdFor("/var/lib/ferry")).not.toBe(instanceIdFor("/srv/ferry"));
  });
});
