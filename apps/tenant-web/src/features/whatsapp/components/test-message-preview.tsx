import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { TemplateMessagePreview } from '../../../components/template-message-preview';
import { useTRPCClient } from '../../../lib/trpc';

/** The chosen template with the values typed so far, as the recipient will see it. */
export function TestMessagePreview({
  templateId,
  values,
  names,
  businessName,
}: {
  templateId: string;
  values: string[];
  names: string[];
  businessName: string;
}) {
  const client = useTRPCClient();
  const keyed = Object.fromEntries(
    names.map((name, i) => [`body.${name}`, values[i] ?? '']).filter(([, value]) => value !== ''),
  );
  const { data, isPlaceholderData } = useQuery({
    queryKey: ['templates', 'preview', templateId, keyed],
    // `preview` is a POST (unsaved templates can be long); read here as a query keyed by the values.
    queryFn: () => client.templates.preview.mutate({ templateId, values: keyed }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return (
    <TemplateMessagePreview
      preview={data}
      businessName={businessName}
      stale={isPlaceholderData}
      testId="test-preview"
    />
  );
}
