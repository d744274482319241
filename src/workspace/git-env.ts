/*
 * What a host git process sees: a minimal environment, Ferry's hardening config, and an
 * installation token only as command-scope config of the one call that needs it.
 */

export type GitConfigEntry = readonly [key: string, value: string];

/** Command-scope git config as environment (git >= 2.31), the same scope as `-c` but out of argv. */
export function gitConfigEnv(entries: readonly GitConfigEntry[]): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

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

/** The Basic credentials GitHub accepts for an installation token over HTTPS. */
export function basicCredentials(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString("base64");
}

/**
 * The token reaches git only as an HTTP header in command-scope config, passed through the
 * environment of one child process: never argv (visible in ps), a URL, or a config file.
 */
export function authConfig(token: string): GitConfigEntry[] {
  return [["http.extraHeader", `Authorization: Basic ${basicCredentials(token)}`]];
}

/** Every form of the token that could show up in git's output. */
export function authSecrets(token: string): string[] {
  return [token, basicCredentials(token)];
}
