/** Pages AWS asks for at most (EC2 Describe calls accept 5..1000; RouteTables 5..100; MSK 1..100). */
export const DEFAULT_PAGE_SIZE = 100;

// A token that repeats means the service is looping; stopping beats spinning forever.
const MAX_PAGES = 1_000;

/**
 * Follows NextToken until the last page and returns every item. `fetchPage` gets the token of the
 * page to read (undefined for the first one).
 */
export async function collectPages<Page, Item>(
  fetchPage: (nextToken: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
  nextTokenOf: (page: Page) => string | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetchPage(token);
    items.push(...(itemsOf(page) ?? []));
    token = nextTokenOf(page) || undefined;
    if (token === undefined) return items;
    if (seen.has(token)) throw new Error(`AWS returned the same NextToken twice (${token}); stopping pagination`);
    seen.add(token);
  }
  throw new Error(`Pagination did not end after ${MAX_PAGES} pages`);
}
