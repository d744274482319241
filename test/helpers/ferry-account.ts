import type { AccountOf, FerryAccount } from "../../src/github/ferry-account.ts";

/** The App's bot in tests: what `GET /app` would make of the slug `ferry-test`. */
export const TEST_ACCOUNT: FerryAccount = { login: "ferry-test[bot]" };

/** Ferry's own comments in tests are written by this author. */
export const FERRY_BOT = { login: TEST_ACCOUNT.login, type: "Bot" } as const;

export const testAccountOf: AccountOf = async () => TEST_ACCOUNT;
