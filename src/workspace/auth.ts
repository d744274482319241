import type { GitConfigEntry } from "./git-config-env.ts";

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
