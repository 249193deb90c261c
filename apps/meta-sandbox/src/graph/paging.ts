/**
 * Cursor paging as Graph returns it: `{data, paging:{cursors:{before,after}, next?, previous?}}`.
 * Cursors are opaque base64 of the item id, so a deleted item does not shift later pages.
 */
import { invalidParameter } from './errors';

const encode = (id: string) => Buffer.from(id).toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString();

export interface PageQuery {
  limit?: unknown;
  after?: unknown;
  before?: unknown;
}

export function paginate<T extends { id: string }>(items: T[], query: PageQuery, url: URL, render: (item: T) => Record<string, unknown>) {
  const limit = query.limit === undefined ? 25 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1) throw invalidParameter(`Param limit must be a positive integer - got "${String(query.limit)}".`);
  const capped = Math.min(limit, 1000);
  let start = 0;
  let end = items.length;
  if (typeof query.after === 'string') start = items.findIndex((item) => item.id === decode(query.after as string)) + 1;
  if (typeof query.before === 'string') {
    end = Math.max(0, items.findIndex((item) => item.id === decode(query.before as string)));
    start = Math.max(0, end - capped);
  }
  const page = items.slice(start, Math.min(end, start + capped));
  if (page.length === 0) return { data: [] };
  const cursors = { before: encode(page[0]!.id), after: encode(page[page.length - 1]!.id) };
  const link = (key: 'after' | 'before', value: string) => {
    const next = new URL(url);
    next.searchParams.delete('after');
    next.searchParams.delete('before');
    next.searchParams.set(key, value);
    return next.toString();
  };
  const hasNext = start + page.length < items.length;
  return {
    data: page.map(render),
    paging: { cursors, ...(hasNext ? { next: link('after', cursors.after) } : {}), ...(start > 0 ? { previous: link('before', cursors.before) } : {}) },
  };
}
