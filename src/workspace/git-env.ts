import type { GitConfigEntry } from "./git-config-env.ts";
import { gitConfigEnv } from "./git-config-env.ts";

/** What git may see of our environment: enough to run and reach the network, no model keys or app secrets. */
const PASSED_THROUGH = [
  "PATH",
  "HOME",
  "LANG",
  "LC_ALL",
  "TZ",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "GIT_SSL_CAINFO",
  "GIT_SSL_CAPATH",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
];

/**
 * Config every git call gets, whatever repository it runs in: nothing from a repository, the
 * operator's dotfiles or the environment may run a program (hooks, fsmonitor) or change what
 * is staged (global excludes/attributes), no index extension from elsewhere is trusted, a path
 * any file system could fold onto `.git` is refused, and no background gc may drop borrowed
 * objects. Drivers (filter, textconv, diff, merge) cannot be switched off by name here: host
 * git never reads a work tree's attributes (the snapshot hashes with `--no-filters`, object
 * commands run without a work tree) and diffs pass `--no-ext-diff --no-textconv`.
 */
export const HARDENING: readonly GitConfigEntry[] = [
  ["core.hooksPath", "/dev/null"],
  ["core.fsmonitor", "false"],
  ["core.excludesFile", "/dev/null"],
  ["core.attributesFile", "/dev/null"],
  ["core.untrackedCache", "false"],
  ["core.protectNTFS", "true"],
  ["core.protectHFS", "true"],
  ["safe.directory", "*"],
  ["gc.auto", "0"],
  ["maintenance.auto", "false"],
  ["advice.detachedHead", "false"],
  ["init.defaultBranch", "main"],
];

/** The whole environment of one git child process. */
export function gitEnvironment(config: readonly GitConfigEntry[], extra: Record<string, string> = {}): Record<string, string> {
  const passed = Object.fromEntries(PASSED_THROUGH.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  return {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    ...passed,
    GIT_TERMINAL_PROMPT: "0",
    GCM_INTERACTIVE: "never",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    ...extra,
    ...gitConfigEnv([...HARDENING, ...config]),
  };
}
