import { describe, expect, test } from "@jest/globals";
import { z } from "zod";
import { allPages, PAGE_SIZE, pagesOf } from "../../src/github/all-pages.ts";

/** A list of `total` numbers served PAGE_SIZE at a time, recording which pages were asked for. */
function list(total: number) {
  const asked: number[] = [];
  const fetchPage = async ({ per_page, page }: { per_page: number; page: number }) => {
    asked.push(page);
    const start = (page - 1) * per_page;
    return { data: Array.from({ length: Math.max(0, Math.min(per_page, total - start)) }, (_, at) => start + at) };
  };
  return { asked, fetchPage };
}

describe("allPages", () => {
  test("reads pages until one comes back short", async () => {
    const { asked, fetchPage } = list(PAGE_SIZE * 2 + 5);
    expect(await allPages(z.number(), fetchPage)).toHaveLength(PAGE_SIZE * 2 + 5);
    expect(asked).toEqual([1, 2, 3]);
  });

  test("a full last page costs one more request, which comes back empty", async () => {
    const { asked, fetchPage } = list(PAGE_SIZE);
    expect(await allPages(z.number(), fetchPage)).toHaveLength(PAGE_SIZE);
    expect(asked).toEqual([1, 2]);
  });

  test("an item that does not match the schema throws", async () => {
    await expect(allPages(z.string(), list(3).fetchPage)).rejects.toThrow();
  });
});

describe("pagesOf", () => {
  test("a caller that stops iterating asks for no further page", async () => {
    const { asked, fetchPage } = list(PAGE_SIZE * 5);
    for await (const _ of pagesOf(z.array(z.number()), fetchPage)) break;
    expect(asked).toEqual([1]);
  });

  test("reads from `first` to `last` only", async () => {
    const { asked, fetchPage } = list(PAGE_SIZE * 10);
    const pages: number[][] = [];
    for await (const page of pagesOf(z.array(z.number()), fetchPage, { first: 3, last: 5 })) pages.push(page);
    expect(asked).toEqual([3, 4, 5]);
    expect(pages[0]?.[0]).toBe(PAGE_SIZE * 2);
  });

  test("a page schema can unwrap a list that GitHub wraps in an object", async () => {
    const wrapped = z.object({ repositories: z.array(z.string()) }).transform((page) => page.repositories);
    const pages: string[][] = [];
    for await (const page of pagesOf(wrapped, async () => ({ data: { total_count: 2, repositories: ["a", "b"] } }))) pages.push(page);
    expect(pages).toEqual([["a", "b"]]);
  });
});
