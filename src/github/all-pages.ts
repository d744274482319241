import { z } from "zod";

/** GitHub's largest page; a shorter page is the last one. */
export const PAGE_SIZE = 100;

type FetchPage = (page: { per_page: number; page: number }) => Promise<{ data: unknown }>;

/**
 * The pages of a paginated REST list, each parsed by `page` into its items: `fetchPage` asks for
 * one page (`per_page` = PAGE_SIZE). Ends after a short page, after page `last`, or when the
 * caller stops iterating (so a search asks for no page beyond the one that answered it).
 */
export async function* pagesOf<T>(page: z.ZodType<T[]>, fetchPage: FetchPage, { first = 1, last = Infinity } = {}): AsyncGenerator<T[]> {
  for (let number = first; number <= last; number++) {
    const response = await fetchPage({ per_page: PAGE_SIZE, page: number });
    const items = page.parse(response.data);
    yield items;
    if (items.length < PAGE_SIZE) return;
  }
}

/** Every item of a paginated REST list whose pages are arrays of `item`. */
export async function allPages<T extends z.ZodType>(item: T, fetchPage: FetchPage): Promise<z.infer<T>[]> {
  const items: z.infer<T>[] = [];
  for await (const batch of pagesOf(z.array(item) as z.ZodType<z.infer<T>[]>, fetchPage)) items.push(...batch);
  return items;
}
