/**
 * The list's query input from the page's search params: one function, so the route loader
 * prefetches exactly what the table reads (same queryOptions, same key).
 */
import { queryOptions } from '@tanstack/react-query';
import type { TemplatesSearch } from '../../../lib/search';
import type { TrpcClient } from '../../../lib/trpc';
import { statusesOf, type TemplateListInput } from '../utils/template-status';

export const PAGE_SIZE = 25;

export function templateListInput(search: TemplatesSearch): TemplateListInput {
  const q = search.q?.trim();
  return {
    status: statusesOf(search.status ?? 'all'),
    ...(q ? { search: q } : {}),
    ...(search.number ? { accountId: search.number } : {}),
    limit: PAGE_SIZE,
    offset: ((search.page ?? 1) - 1) * PAGE_SIZE,
  };
}

/**
 * A saved template as WhatsApp shows it. `templates.preview` is a POST (an unsaved template can
 * outgrow a URL), so it is read through the client as a query keyed by the template's version.
 */
export function templatePreviewOptions(client: TrpcClient, template: { id: string; updatedAt: string }) {
  return queryOptions({
    queryKey: ['templates', 'preview', template.id, template.updatedAt],
    queryFn: () => client.templates.preview.mutate({ templateId: template.id }),
    staleTime: Infinity,
  });
}
