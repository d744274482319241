/** What the live state's statements run on: a pg pool, or a test's wrapper of one. Rows are read with zod. */
export type SqlQuery = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
