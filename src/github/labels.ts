import type { LoadedRepoConfig } from "../config/repo-config.ts";

/** The label that triggers Ferry in this repo; a broken config still names it when it can. */
export const triggerLabel = (config: LoadedRepoConfig): string => (config.ok ? config.config.label : config.label);

/** GitHub label names are unique regardless of case. */
export const sameLabel = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
