/** Whether a file system error says the path does not exist. Duck-typed: errors may come from another realm (Jest's vm). */
export function isMissing(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  return code === "ENOENT" || code === "ENOTDIR";
}
