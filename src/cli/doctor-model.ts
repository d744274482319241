import { z } from "zod";
import { DEFAULT_BASE_URL } from "../agent/models/create-model.ts";
import type { Env } from "../config/env.ts";
import { withoutCredentials } from "../config/env-error.ts";
import { type Check, connectionProblem, fail, ok } from "./doctor-check.ts";

const ModelList = z.object({ data: z.array(z.object({ id: z.string() })) });

/** The OpenAI-compatible endpoint: GET /models with the key; says whether FERRY_MODEL is among them. */
export function modelCheck(model: Pick<Env["model"], "name"> & Partial<Pick<Env["model"], "apiKey" | "baseUrl">>): Check {
  return {
    name: "model",
    async run(signal) {
      const base = (model.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
      // The base URL may carry a password; messages show it without.
      const shown = withoutCredentials(base);
      let response: Response;
      try {
        response = await fetch(`${base}/models`, { headers: model.apiKey ? { authorization: `Bearer ${model.apiKey}` } : {}, signal });
      } catch (error) {
        return fail(`the model endpoint ${shown} is unreachable: ${connectionProblem(error)}`);
      }
      if (response.status === 401 || response.status === 403) return fail(`${shown} refused the API key (${response.status}): check OPENAI_API_KEY`);
      if (!response.ok) return fail(`GET ${shown}/models answered ${response.status}`);
      const list = ModelList.safeParse(await response.json().catch(() => undefined));
      // Some servers list nothing or not every model they serve: an unlisted name is said, not failed.
      const listed = list.success && list.data.data.some((entry) => entry.id === model.name);
      return ok(`${shown} answers; ${listed ? `${model.name} is listed` : `${model.name} (FERRY_MODEL) is not in its list of models`}`);
    },
  };
}
