/*
 * Secret-shaped strings for tests, generated so that no token-like literal sits in the source
 * (where a host's secret scanning would flag it). Deterministic: the same seed, the same text.
 */

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE64 = `${ALNUM}+/`;

/** A pseudo-random string (a linear congruential generator, so every run is identical). */
export function randomText(length: number, alphabet: string = ALNUM, seed = 7): string {
  let state = seed;
  let text = "";
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += alphabet[Math.floor((state / 2147483648) * alphabet.length)];
  }
  return text;
}

export const fake = {
  githubToken: ["ghp", randomText(36, ALNUM, 1)].join("_"),
  githubAppToken: ["ghs", randomText(36, ALNUM, 2)].join("_"),
  githubFineGrained: ["github", "pat", `${randomText(22, ALNUM, 3)}_${randomText(59, ALNUM, 4)}`].join("_"),
  openaiKey: ["sk", randomText(48, ALNUM, 5)].join("-"),
  openaiProjectKey: ["sk", "proj", randomText(120, `${ALNUM}_-`, 6)].join("-"),
  awsAccessKeyId: ["AKIA", randomText(16, UPPER_ALNUM, 8)].join(""),
  awsSecretKey: randomText(40, BASE64, 9),
  slackToken: ["xoxb", randomText(12, "0123456789", 10), randomText(24, ALNUM, 11)].join("-"),
  slackWebhook: ["https://hooks.slack.com/services", `T${randomText(8, UPPER_ALNUM, 12)}`, `B${randomText(8, UPPER_ALNUM, 13)}`, randomText(24, ALNUM, 14)].join("/"),
  privateKeyBegin: ["-----BEGIN", "RSA PRIVATE KEY-----"].join(" "),
  privateKeyEnd: ["-----END", "RSA PRIVATE KEY-----"].join(" "),
  privateKeyBody: [randomText(64, BASE64, 15), randomText(64, BASE64, 16), randomText(20, BASE64, 17)],
  apiSecret: randomText(32, ALNUM, 18),
  openrouterKey: ["sk", "or", "v1", randomText(64, "0123456789abcdef", 19)].join("-"),
  anthropicKey: ["sk", "ant", "api03", `${randomText(93, `${ALNUM}_-`, 20)}AA`].join("-"),
  anthropicAdminKey: ["sk", "ant", "admin01", randomText(80, `${ALNUM}_-`, 21)].join("-"),
  stripeKey: ["sk", "live", randomText(32, ALNUM, 22)].join("_"),
  googleApiKey: ["AIza", randomText(35, `${ALNUM}_-`, 23)].join(""),
  gitlabToken: ["glpat", randomText(20, ALNUM, 24)].join("-"),
  npmToken: ["npm", randomText(36, ALNUM, 25)].join("_"),
  jwt: [base64url('{"alg":"HS256","typ":"JWT"}'), base64url('{"sub":"1234567890","name":"Ferry","iat":1516239022}'), randomText(43, `${ALNUM}_-`, 26)].join("."),
};

function base64url(json: string): string {
  return Buffer.from(json).toString("base64url");
}
