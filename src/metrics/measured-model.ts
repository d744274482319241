import type { CompleteOptions, Model, ModelRequest, ModelResponse } from "../agent/models/model.ts";
import { ModelError } from "../agent/models/model-error.ts";
import type { FerryMetrics } from "./ferry-metrics.ts";
import { currentRepository } from "./task-scope.ts";

type ModelMetrics = Pick<FerryMetrics, "modelSeconds" | "modelErrors" | "tokens" | "usd">;

/**
 * The model, measured: each request's latency and failure, and what it cost, counted for the
 * repository whose task asked (the same usage and price the task's budgets are charged).
 */
export function measuredModel(model: Model, metrics: ModelMetrics): Model {
  return {
    get name() {
      return model.name;
    },
    get contextWindow() {
      return model.contextWindow;
    },
    async complete(request: ModelRequest, options?: CompleteOptions): Promise<ModelResponse> {
      const stop = metrics.modelSeconds.startTimer({ purpose: request.purpose });
      try {
        const response = await model.complete(request, options);
        stop({ result: "ok" });
        charge(metrics, response);
        return response;
      } catch (error) {
        // A stop or cancel is not the model failing.
        const aborted = options?.signal?.aborted === true;
        stop({ result: aborted ? "aborted" : "error" });
        if (!aborted) metrics.modelErrors.inc({ kind: error instanceof ModelError ? error.kind : "other" });
        throw error;
      }
    },
  };
}

function charge(metrics: ModelMetrics, { usage, costUsd }: ModelResponse): void {
  const repository = currentRepository();
  metrics.tokens.inc({ repository, kind: "input" }, usage.inputTokens);
  metrics.tokens.inc({ repository, kind: "cached_input" }, usage.cachedInputTokens);
  metrics.tokens.inc({ repository, kind: "output" }, usage.outputTokens);
  metrics.tokens.inc({ repository, kind: "reasoning" }, usage.reasoningTokens);
  if (costUsd !== null) metrics.usd.inc({ repository }, costUsd);
}
