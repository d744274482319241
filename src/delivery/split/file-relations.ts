/** Reads one file of the change; both answer undefined when the file is absent on that side. */
export type FileReader = {
  /** Content after the change, by its current path; undefined when the change deletes it. */
  current(path: string): Promise<string | undefined>;
  /** Content before the change, by its path in the base (`oldPath` for a rename); undefined when added. */
  base(path: string): Promise<string | undefined>;
};

/** How the changed files hang together; every path named here is one of the changed files. */
export type FileRelations = {
  /** Path → changed paths that must land in the same or an earlier slice (sorted; only non-empty entries). */
  dependsOn: ReadonlyMap<string, readonly string[]>;
  /** Test path → changed non-test paths it tests (sorted; only non-empty entries). */
  testsOf: ReadonlyMap<string, readonly string[]>;
};
