import { z } from "zod";

/** GitHub's largest page; a shorter page is the last one. */
export const PAGE_SIZE = 100;

/**
 * Every item of a paginated REST list: `fetchPage` asks for one page (`per_page` = PAGE_SIZE),
 * each page is parsed with `item`, and pages are read until one comes back short.
 */
export async function allPages<T extends z.ZodType>(
  item: T,
  fetchPage: (page: { per_page: number; page: number }) => Promise<{ data: unknown }>,
): Promise<z.infer<T>[]> {
  const items: z.infer<T>[] = [];
  for (let page = 1; ; page++) {
    const response = await fetchPage({ per_page: PAGE_SIZE, page });
    const batch = z.array(item).parse(response.data) as z.infer<T>[];
    items.push(...batch);
    if (batch.length < PAGE_SIZE) return items;
  }
}
