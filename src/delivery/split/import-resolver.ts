import { posix } from "node:path";
import { SOURCE_EXTENSIONS } from "./source-files.ts";

// TS ESM code imports "./x.js" to mean the x.ts it compiles from.
const TS_FOR_JS: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

const isRelative = (specifier: string): boolean =>
  specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");

/**
 * The repository path a relative specifier in `fromPath` names, among the paths `exists` knows;
 * undefined for packages, absolute paths, paths leaving the repository, and unknown files.
 */
export function resolveImport(fromPath: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  if (!isRelative(specifier)) return undefined;
  const bare = specifier.replace(/[?#].*$/, "");
  const target = posix.normalize(posix.join(posix.dirname(fromPath), bare)).replace(/\/+$/, "");
  if (target === ".." || target.startsWith("../") || target.startsWith("/")) return undefined;
  return candidates(target).find(exists);
}

/** Exact file first, then a TS file behind a JS name, then added extensions, then a folder's index. */
function candidates(target: string): string[] {
  const extension = posix.extname(target);
  const stem = target.slice(0, target.length - extension.length);
  const swapped = (TS_FOR_JS[extension] ?? []).map((ts) => stem + ts);
  const folder = target === "." ? "" : `${target}/`;
  return [
    ...(target === "." ? [] : [target]),
    ...swapped,
    ...(target === "." ? [] : SOURCE_EXTENSIONS.map((added) => target + added)),
    ...SOURCE_EXTENSIONS.map((added) => `${folder}index${added}`),
  ];
}
