/** Where requests go, for error messages that tell the operator what to change. */
export type ModelTarget = {
  model: string;
  api: "responses" | "chat";
  baseUrl: string;
  /** The full URL of the endpoint, e.g. https://api.openai.com/v1/responses. */
  endpoint: string;
};
