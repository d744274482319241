import { z } from "zod";

/**
 * Parsers for environment strings. Each is strict on purpose: `Number()` would take
 * "", "1e3" and "0x10", and a typo in a URL should stop start-up, not the first request.
 */
export const integerString = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const urlString = (protocols: RegExp) => z.url({ protocol: protocols });

/** `host` or `host:port` (names, IPv4, or bracketed IPv6), the way Probot builds `<protocol>://<GHE_HOST>/api/v3`. */
export const hostString = () =>
  z.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:\d{1,5})?$/);

const usd = z.string().regex(/^\d+(\.\d+)?$/).transform(Number);

/** `input,cachedInput,output` in US dollars per million tokens. */
export const priceString = () =>
  z
    .string()
    .transform((text) => text.split(",").map((part) => part.trim()))
    .pipe(z.tuple([usd, usd, usd]))
    .transform(([input, cachedInput, output]) => ({ input, cachedInput, output }));
