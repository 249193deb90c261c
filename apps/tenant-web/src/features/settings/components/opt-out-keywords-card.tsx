import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, ErrorBanner, fieldErrorOf, Notice, TextAreaField } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { canEditOptOuts, formatKeywords, parseKeywords } from '../utils/keywords';

/** The tenant's opt-out keywords: shown to everyone, edited by owners and admins. */
export function OptOutKeywordsCard({ role }: { role: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.optOuts.settings.queryOptions());
  const [text, setText] = useState(formatKeywords(settings.keywords));
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useMutation(
    trpc.optOuts.setKeywords.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.optOuts.settings.queryKey(), next);
        setText(formatKeywords(next.keywords));
      },
    }),
  );
  const editable = canEditOptOuts(role);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const keywords = parseKeywords(text);
    if (keywords.length === 0) {
      setLocalError('Give at least one keyword, or restore the defaults.');
      return;
    }
    setLocalError(null);
    save.mutate({ keywords });
  };

  return (
    <Card
      title="Opt-out keywords"
      description="A contact who sends one of these as the whole message (case, accents and punctuation ignored) stops receiving every message from you."
      actions={<Badge tone={settings.custom ? 'accent' : 'neutral'} testId="opt-out-keywords-mode">{settings.custom ? 'Your own list' : 'Defaults'}</Badge>}
    >
      <form onSubmit={onSubmit} noValidate className="ui-stack" style={{ maxWidth: 520 }}>
        {save.isSuccess && <Notice testId="opt-out-keywords-saved">Opt-out keywords saved.</Notice>}
        {save.error && !fieldErrorOf(save.error, 'keywords') && <ErrorBanner error={save.error} />}
        <TextAreaField
          label="Keywords, one per line"
          rows={10}
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={!editable}
          hint={`${settings.alwaysHonoured.join(', ')} always opts out, whatever the list. ${settings.optInKeywords.join(' or ')} opts back in.`}
          error={localError ?? fieldErrorOf(save.error, 'keywords')}
          data-testid="opt-out-keywords"
        />
        {editable ? (
          <div className="ui-row" style={{ gap: 8 }}>
            <Button type="submit" variant="primary" loading={save.isPending && save.variables?.keywords !== null} data-testid="opt-out-keywords-save">
              Save keywords
            </Button>
            {settings.custom && (
              <Button type="button" variant="ghost" loading={save.isPending && save.variables?.keywords === null} onClick={() => save.mutate({ keywords: null })} data-testid="opt-out-keywords-reset">
                Restore defaults
              </Button>
            )}
          </div>
        ) : (
          <Notice tone="info" testId="opt-out-keywords-read-only">
            Only owners and admins can change the keywords.
          </Notice>
        )}
      </form>
    </Card>
  );
}
