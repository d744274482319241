import { posix } from "node:path";
import type { ChangedFile } from "../../workspace/numstat.ts";

/** The JS/TS family: the files whose imports we scan and that a test can be about. */
export const SOURCE_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];

export const isSourcePath = (path: string): boolean => SOURCE_EXTENSIONS.includes(posix.extname(path));

export const isSourceFile = (file: ChangedFile): boolean => !file.binary && isSourcePath(file.path);

/** Code-point order, not locale order, so plans are the same on every machine. */
export const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
