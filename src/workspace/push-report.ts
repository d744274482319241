/** One line of `git push --porcelain`: `<flag> TAB <from>:<to> TAB <summary> [(<reason>)]`. */
export type PushedRef = { branch: string; rejected: boolean; summary: string; reason: string | undefined };

const HEADS = "refs/heads/";

export function parsePushReport(stdout: string): PushedRef[] {
  return stdout.split("\n").flatMap((line) => {
    const [flag, refs, summary = ""] = line.split("\t");
    if (flag === undefined || refs === undefined) return [];
    const target = refs.slice(refs.lastIndexOf(":") + 1);
    if (!target.startsWith(HEADS)) return [];
    const reason = /\(([^)]*)\)\s*$/.exec(summary)?.[1];
    return [{ branch: target.slice(HEADS.length), rejected: flag === "!", summary: summary.trim(), reason }];
  });
}

/** In an atomic push one rejection fails every ref; those others carry no reason of their own. */
export const ATOMIC_FOLLOWER = "atomic push failed";
export const STALE_LEASE = "stale info";
