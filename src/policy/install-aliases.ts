import type { ShellWord } from "./shell-word.ts";

/*
 * Package installs under their other names, for `commands.approve`: `npm i`, `npm add`, a bare
 * `npm install` or `npm ci`, `yarn add`, a bare `yarn`, `pnpm install`, `pnpm add`, `bun add` are
 * all `npm install …` to a pattern, whichever manager the repository uses.
 */

// A Map, not an object: a program called `constructor` must not find a prototype property.
const INSTALL_VERBS = new Map<string, Set<string>>([
  ["npm", new Set(["install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add", "ci", "clean-install", "install-clean", "ic", "install-test", "it", "install-ci-test", "cit"])],
  ["yarn", new Set(["add", "install"])],
  ["pnpm", new Set(["add", "install", "i", "install-test", "it"])],
  ["bun", new Set(["add", "a", "install", "i"])],
]);

/** The command as `npm install <args>`, when it installs packages under another name; undefined otherwise. */
export function asNpmInstall(name: string, args: ShellWord[]): ShellWord[] | undefined {
  const verbs = INSTALL_VERBS.get(name);
  if (!verbs) return undefined;
  const [verb, ...rest] = args;
  if (name === "npm" && verb?.text === "install") return undefined;
  // A bare `yarn` installs the lockfile's packages.
  if (name === "yarn" && verb === undefined) return words("npm", "install");
  if (!verb?.literal || !verbs.has(verb.text)) return undefined;
  return [...words("npm", "install"), ...rest];
}

function words(...texts: string[]): ShellWord[] {
  return texts.map((text) => ({ text, literal: true, unquoted: text }));
}
