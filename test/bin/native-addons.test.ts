import { expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Native addons are compiled by `npm ci` for the node that ran the install, which may not be
 * the Node 24 that runs Ferry. Every addon in the tree must either load under this Node, or be
 * one whose package tolerates its absence and that Ferry never needs.
 */
const OPTIONAL_ADDONS: Record<string, string> = {
  // ssh2 (dockerode → docker-modem) reaches Docker over SSH only; Ferry talks to a socket. ssh2
  // falls back to JavaScript crypto when its addon or cpu-features does not load.
  "node_modules/cpu-features/build/Release/cpufeatures.node": "ssh2's CPU feature probe",
  "node_modules/ssh2/lib/protocol/crypto/build/Release/sshcrypto.node": "ssh2's optional crypto",
};

function addons(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) addons(path, found);
    else if (entry.name.endsWith(".node") && !path.includes("/obj.target/")) found.push(relative(process.cwd(), path));
  }
  return found;
}

/** Loads an addon in a fresh process (a wrong ABI can abort the loader). */
function loads(path: string): boolean {
  return spawnSync(process.execPath, ["-e", `require(${JSON.stringify(join(process.cwd(), path))})`]).status === 0;
}

test("every native addon loads under this Node or is an optional one Ferry does not need", () => {
  const failing = addons("node_modules").filter((path) => !loads(path));
  expect(failing.filter((path) => !(path in OPTIONAL_ADDONS))).toEqual([]);
});

test("the Docker client loads whether or not ssh2's optional addons do", () => {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", "const { default: Docker } = await import('dockerode'); new Docker();"]);
  expect({ status: result.status, stderr: String(result.stderr) }).toEqual({ status: 0, stderr: "" });
});
