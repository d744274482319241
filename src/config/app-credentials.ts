import { resolvePrivateKey } from "./private-key.ts";

export type AppCredentials = { id: number; privateKey: string; webhookSecret: string };

export type AppVariables = {
  APP_ID?: number | undefined;
  PRIVATE_KEY?: string | undefined;
  PRIVATE_KEY_PATH?: string | undefined;
  WEBHOOK_SECRET?: string | undefined;
};

export type AppCredentialsResult =
  | { ok: true; app: AppCredentials | undefined }
  | { ok: false; variable: string; message: string };

/**
 * All or nothing: no credentials at all means Probot's setup flow will run; half a set
 * is a mistake worth stopping for. A webhook secret is mandatory because Ferry never
 * accepts unsigned webhooks.
 */
export function resolveAppCredentials(vars: AppVariables): AppCredentialsResult {
  const hasKey = vars.PRIVATE_KEY !== undefined || vars.PRIVATE_KEY_PATH !== undefined;
  if (vars.APP_ID === undefined && !hasKey) return { ok: true, app: undefined };
  if (vars.APP_ID === undefined) {
    return problem("APP_ID", "required when a private key is set (the App's numeric ID, from its settings page)");
  }
  if (!hasKey) {
    return problem("PRIVATE_KEY", "required when APP_ID is set (PEM text, or set PRIVATE_KEY_PATH to the .pem file)");
  }
  const key = resolvePrivateKey(vars);
  if (!key.ok) return key;
  if (vars.WEBHOOK_SECRET === undefined) {
    return problem("WEBHOOK_SECRET", "required when App credentials are set (Ferry never accepts unsigned webhooks)");
  }
  return { ok: true, app: { id: vars.APP_ID, privateKey: key.pem, webhookSecret: vars.WEBHOOK_SECRET } };
}

function problem(variable: string, message: string): AppCredentialsResult {
  return { ok: false, variable, message };
}
