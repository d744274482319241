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

/** A positive amount of US dollars, like `20` or `7.5`. */
export const usdString = () => usd.pipe(z.number().positive());

/** `a,b,c` of image names or patterns (no spaces inside one), at least one. */
export const imageListString = () =>
  z
    .string()
    .transform((text) => text.split(",").map((part) => part.trim()).filter((part) => part.length > 0))
    .pipe(z.array(z.string().regex(/^\S+$/)).min(1));

/** `input,cachedInput,output` in US dollars per million tokens. */
export const priceString = () =>
  z
    .string()
    .transform((text) => text.split(",").map((part) => part.trim()))
    .pipe(z.tuple([usd, usd, usd]))
    .transform(([input, cachedInput, output]) => ({ input, cachedInput, output }));
