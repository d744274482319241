/** One changed file; counts are null for binary files, which have no lines. */
export type ChangedFile = {
  path: string;
  /** The path before a rename. */
  oldPath?: string;
  added: number | null;
  deleted: number | null;
  binary: boolean;
};

/**
 * Parses `git diff --numstat -z`: `added TAB deleted TAB path NUL`, or for a rename
 * `added TAB deleted TAB NUL old NUL new NUL`; binary files count as `-`.
 */
export function parseNumstat(output: string): ChangedFile[] {
  const fields = output.split("\0");
  const files: ChangedFile[] = [];
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (!field) continue;
    const [added = "", deleted = "", path = ""] = splitTwice(field);
    const binary = added === "-" && deleted === "-";
    const counts = { added: binary ? null : Number(added), deleted: binary ? null : Number(deleted), binary };
    if (path !== "") {
      files.push({ path, ...counts });
      continue;
    }
    const [oldPath = "", newPath = ""] = [fields[index + 1], fields[index + 2]];
    index += 2;
    files.push({ path: newPath, oldPath, ...counts });
  }
  return files;
}

/** Paths may contain tabs, so only the first two split. */
function splitTwice(field: string): [string, string, string] {
  const first = field.indexOf("\t");
  const second = field.indexOf("\t", first + 1);
  return [field.slice(0, first), field.slice(first + 1, second), field.slice(second + 1)];
}
