import type { GitHub } from "./platform.ts";

/** Ferry's own account on GitHub: its App's bot, `<app-slug>[bot]`, which writes every comment Ferry posts. */
export type FerryAccount = { login: string };

/** How code that finds Ferry's own comments learns its account; asked only once a marked comment is found. */
export type AccountOf = () => Promise<FerryAccount>;

/**
 * The App's bot account, from `GET /app` (which takes the App's own JWT client), asked once per
 * process: the slug of a running App does not change. A failed lookup is not kept, so the next
 * caller asks again.
 */
export function appAccount(appClient: () => Promise<GitHub>): AccountOf {
  let asked: Promise<FerryAccount> | undefined;
  return () => {
    if (asked) return asked;
    const lookup = appClient()
      .then((client) => client.appSlug())
      .then((slug) => ({ login: `${slug}[bot]` }));
    asked = lookup;
    lookup.catch(() => {
      if (asked === lookup) asked = undefined;
    });
    return lookup;
  };
}

type Author = { login: string; type?: string } | null | undefined;

/**
 * Whether Ferry wrote it: its author is the App's bot. A hidden marker proves nothing by itself,
 * as anyone can paste one into a comment of their own; GitHub logins cannot hold `[bot]`, and
 * only the App's installation tokens post as its bot.
 */
export function isFerrys(account: FerryAccount, author: Author): boolean {
  return author?.type === "Bot" && author.login.toLowerCase() === account.login.toLowerCase();
}
