/**
 * An approved template as WhatsApp shows it, for the wizard's template step. `templates.preview`
 * is a POST, so it is read through the client as a query keyed by the template's version.
 */
import { queryOptions } from '@tanstack/react-query';
import type { TrpcClient } from '../../../lib/trpc';

export function approvedTemplatePreview(client: TrpcClient, template: { id: string; updatedAt: string }) {
  return queryOptions({
    queryKey: ['campaigns', 'template-preview', template.id, template.updatedAt],
    queryFn: () => client.templates.preview.mutate({ templateId: template.id }),
    staleTime: Infinity,
  });
}
