import { createHmac } from "node:crypto";

export type SignedDelivery = { headers: Record<string, string>; body: string };

/** A delivery as GitHub sends it: JSON body, event and delivery headers, HMAC-SHA256 signature. */
export function signedDelivery(id: string, event: string, payload: object, secret: string): SignedDelivery {
  const body = JSON.stringify(payload);
  return {
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": id,
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
    body,
  };
}

/** The same delivery as a fetch request. */
export function webhookRequest(id: string, event: string, payload: object, secret: string): RequestInit {
  return { method: "POST", ...signedDelivery(id, event, payload, secret) };
}
