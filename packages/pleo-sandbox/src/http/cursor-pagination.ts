/**
 * Cursor pagination as the Export API v3 list endpoints have it (spec: query parameters `before`,
 * `after`, `offset`, `limit`, `sorting_keys`, `sorting_order`; response `CursorPageInfo`).
 *
 * Cursors are opaque RFC 4648 base32 strings (the spec's pattern `^[A-Z2-7=~]+$`) of a position
 * in the list's natural order (creation order). Pages are found by scanning from the cursor, so a
 * page costs O(page) for unfiltered lists and a full walk over a filtered list costs O(list).
 */
import { base32 } from '@scure/base';
import { badRequest } from './api-error';

/** The spec's `CursorPageCurrentRequestInfo`. */
export interface CurrentRequestPagination {
  parameters: Record<string, string[]>;
  after?: string;
  before?: string;
  limit: number;
  offset?: number;
  sortingKeys: string[];
  sortingOrder: string[];
}

/** The spec's `CursorPageInfo`. */
export interface CursorPageInfo {
  currentRequestPagination: CurrentRequestPagination;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string;
  endCursor?: string;
  total: number;
}

/** Page request parsed from the query string. */
export interface PageRequest {
  after?: number;
  before?: number;
  offset?: number;
  limit: number;
  echo: CurrentRequestPagination;
}

const CURSOR_PATTERN = /^[A-Z2-7=~]+$/;
const CURSOR_PREFIX = 'lp1:';
const PAGING_KEYS = new Set(['before', 'after', 'offset', 'limit', 'sorting_keys', 'sorting_order']);
const PAGE_ORDERS = new Set([
  'ASC',
  'ASC_NULLS_FIRST',
  'ASC_NULLS_LAST',
  'DESC',
  'DESC_NULLS_FIRST',
  'DESC_NULLS_LAST',
]);

/** Maximum `limit` honoured; larger values are clamped to it. */
export const MAX_PAGE_SIZE = 1000;

/** Encodes a list position as an opaque base32 cursor. */
export function encodeCursor(position: number): string {
  return base32.encode(new TextEncoder().encode(`${CURSOR_PREFIX}${position}`));
}

/**
 * Decodes a cursor issued by {@link encodeCursor}.
 *
 * @throws SandboxApiError 400 naming the query parameter when the cursor was not issued here.
 */
export function decodeCursor(cursor: string, parameter: 'after' | 'before'): number {
  const fix = `${parameter}: not a cursor this API issued; pass pagination.endCursor (after) or pagination.startCursor (before) from a previous page`;
  if (!CURSOR_PATTERN.test(cursor)) throw badRequest(`${fix} (must match ^[A-Z2-7=~]+$)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(base32.decode(cursor));
  } catch {
    throw badRequest(fix);
  }
  const position = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(position) || position < 0)
    throw badRequest(fix);
  return position;
}

/**
 * Parses the paging query parameters.
 *
 * @param defaultLimit page size used when `limit` is absent or 0.
 * @throws SandboxApiError 400 when `limit`/`offset` are not non-negative integers, a cursor is
 *   foreign, more than one of `before`/`after`/`offset` is given, or `sorting_order` has a value
 *   outside `PageOrder` or a different length than `sorting_keys`.
 */
export function parsePageRequest(query: URLSearchParams, defaultLimit: number): PageRequest {
  const parameters: Record<string, string[]> = {};
  for (const key of new Set(query.keys())) {
    if (!PAGING_KEYS.has(key)) parameters[key] = query.getAll(key);
  }
  const limitText = query.get('limit');
  let limit = defaultLimit;
  if (limitText !== null && limitText !== '') {
    const parsed = Number(limitText);
    if (!Number.isInteger(parsed) || parsed < 0) {
      throw badRequest(
        `limit: must be an integer ≥ 0 (got "${limitText}"); at most ${MAX_PAGE_SIZE} is honoured`,
      );
    }
    if (parsed > 0) limit = parsed;
  }
  limit = Math.min(limit, MAX_PAGE_SIZE);

  const afterText = query.get('after') || undefined;
  const beforeText = query.get('before') || undefined;
  const offsetText = query.get('offset') || undefined;
  if ([afterText, beforeText, offsetText].filter((v) => v !== undefined).length > 1) {
    throw badRequest('before, after and offset cannot be combined; pass only one of them');
  }
  const sortingKeys = query.getAll('sorting_keys');
  const sortingOrder = query.getAll('sorting_order');
  for (const order of sortingOrder) {
    if (!PAGE_ORDERS.has(order)) {
      throw badRequest(`sorting_order: "${order}" is not one of ${[...PAGE_ORDERS].join(', ')}`);
    }
  }
  if (sortingOrder.length > 0 && sortingOrder.length !== sortingKeys.length) {
    throw badRequest('sorting_order: must have the same length as sorting_keys (one order per key)');
  }

  const echo: CurrentRequestPagination = { parameters, limit, sortingKeys, sortingOrder };
  const request: PageRequest = { limit, echo };
  if (afterText !== undefined) {
    request.after = decodeCursor(afterText, 'after');
    echo.after = afterText;
  }
  if (beforeText !== undefined) {
    request.before = decodeCursor(beforeText, 'before');
    echo.before = beforeText;
  }
  if (offsetText !== undefined) {
    const offset = Number(offsetText);
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw badRequest(`offset: must be an integer ≥ 0 (got "${offsetText}")`);
    }
    request.offset = offset;
    echo.offset = offset;
  }
  return request;
}

/** A list the paginator walks: `size` positions, of which `matches(i)` are in the result. */
export interface PositionalList {
  size: number;
  /** Whether position `i` passes the request's filter; omit for an unfiltered list. */
  matches?: (position: number) => boolean;
  /** Number of matching positions (for `total`). */
  total: number;
}

/** One page: the matching positions in order plus the `CursorPageInfo`. */
export interface Page {
  positions: number[];
  pageInfo: CursorPageInfo;
}

/**
 * Selects one page of positions. `after=c` → the first `limit` matches after position c;
 * `before=c` → the last `limit` matches before c; `offset=n` → skip n matches (O(n) when filtered).
 */
export function paginate(list: PositionalList, request: PageRequest): Page {
  const { size, matches, total } = list;
  const { limit } = request;
  const positions: number[] = [];
  if (total === 0) {
    return {
      positions,
      pageInfo: { currentRequestPagination: request.echo, hasNextPage: false, hasPreviousPage: false, total },
    };
  }
  let hasNextPage = false;
  let hasPreviousPage = false;

  if (request.before !== undefined) {
    let i = Math.min(request.before, size) - 1;
    for (; i >= 0 && positions.length < limit; i--) if (!matches || matches(i)) positions.push(i);
    positions.reverse();
    hasPreviousPage = anyMatch(list, i, -1);
    hasNextPage = request.before < size && anyMatch(list, request.before - 1, +1);
  } else {
    let start = 0;
    if (request.after !== undefined) start = request.after + 1;
    else if (request.offset !== undefined) {
      if (!matches) start = request.offset;
      else {
        let skipped = 0;
        while (start < size && skipped < request.offset) if (matches(start++)) skipped++;
      }
    }
    let i = start;
    for (; i < size && positions.length < limit; i++) if (!matches || matches(i)) positions.push(i);
    hasNextPage = anyMatch(list, i - 1, +1);
    hasPreviousPage = start > 0 && anyMatch(list, start, -1);
  }

  const pageInfo: CursorPageInfo = {
    currentRequestPagination: request.echo,
    hasNextPage,
    hasPreviousPage,
    total,
  };
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first !== undefined) pageInfo.startCursor = encodeCursor(first);
  if (last !== undefined) pageInfo.endCursor = encodeCursor(last);
  return { positions, pageInfo };
}

/**
 * Whether any matching position exists strictly beyond `from` in `direction`. For unfiltered
 * lists O(1); for filtered lists it stops at the first match (bounded by the total count).
 */
function anyMatch(list: PositionalList, from: number, direction: 1 | -1): boolean {
  const { size, matches } = list;
  if (!matches) return direction > 0 ? from + 1 < size : from - 1 >= 0 && size > 0;
  if (list.total === 0) return false;
  for (let i = from + direction; i >= 0 && i < size; i += direction) if (matches(i)) return true;
  return false;
}
