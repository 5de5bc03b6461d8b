/**
 * Cursor pagination (`CursorPageInfo` of `export-openapi.yml`): request the next page with
 * `after=<endCursor>` while `hasNextPage`. Pages are fetched lazily, one per iteration step.
 */
import { PleoApiError } from '../errors/pleo-api-error';
import type { CursorPageInfo } from '../schemas/pagination';

/** One page of a list operation: its entries and the server's `pagination` object. */
export interface PleoPage<T> {
  /** The page's `data` array, in server order. */
  items: T[];
  /** The response's `pagination` (`CursorPageInfo`, pleo-export-api.md §2.4). */
  pageInfo: CursorPageInfo;
}

/**
 * Yields pages from `fetchPage(after)` until `hasNextPage` is false. Only one page is held at a
 * time. Throws {@link PleoApiError} when the server says there is a next page but gives no new
 * `endCursor` (which would otherwise loop forever).
 */
export async function* paginate<T>(
  operation: string,
  fetchPage: (after: string | undefined) => Promise<PleoPage<T>>,
): AsyncGenerator<PleoPage<T>, void, undefined> {
  let after: string | undefined;
  for (;;) {
    const page = await fetchPage(after);
    yield page;
    if (!page.pageInfo.hasNextPage) return;
    const next = page.pageInfo.endCursor;
    if (next === undefined || next === '' || next === after) {
      throw new PleoApiError({
        message: `Pleo API ${operation} reported hasNextPage without a new endCursor (after=${after ?? '∅'}); stopping to avoid an endless loop.`,
        operation,
      });
    }
    after = next;
  }
}

/** Flattens pages into their entries (still one page in memory at a time). */
export async function* flattenPages<T>(
  pages: AsyncIterable<PleoPage<T>>,
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* page.items;
}
