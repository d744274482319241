import { generateKeyPairSync } from "node:crypto";

/** A real RSA key in the PKCS#1 PEM form GitHub hands out for Apps. */
export function generateAppKey(): string {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return privateKey;
}
