import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Card, EmptyState, ErrorBanner, fieldErrorOf, TextField } from '@dbulk/ui';
import { useTRPC } from '../../../../lib/trpc';
import { useSaveDraft } from '../../hooks/use-save-draft';
import type { CampaignDetail } from '../../utils/campaign-status';
import { parseTags } from '../../utils/wizard';

/** Step 2: the contact lists (a phone in several lists is sent once) and tags every recipient must carry. */
export function AudienceStep({
  campaign,
  onSaved,
  onBack,
}: {
  campaign: CampaignDetail;
  onSaved: () => void;
  onBack: () => void;
}) {
  const trpc = useTRPC();
  const lists = useQuery(trpc.lists.list.queryOptions());
  const [listIds, setListIds] = useState<string[]>(campaign.listIds);
  const [tags, setTags] = useState(campaign.tagFilter.join(', '));
  const draft = useSaveDraft(campaign.id);
  const items = lists.data ?? [];

  const toggle = (id: string, on: boolean) =>
    setListIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await draft.save({ listIds, tagFilter: parseTags(tags) });
    onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Card
        title="Audience"
        description="Who receives it. Opted-out and suppressed contacts are skipped automatically; the review step counts them."
      >
        <div className="ui-stack">
          {(draft.error ?? lists.error) != null && <ErrorBanner error={draft.error ?? lists.error} />}
          {items.length === 0 && !lists.isPending ? (
            <EmptyState
              icon="contacts"
              title="No contact lists"
              description="Import contacts into a list first."
              testId="wizard-no-lists"
            />
          ) : (
            <fieldset
              className="ui-stack"
              style={{ border: 0, padding: 0, margin: 0, gap: 6 }}
              data-testid="wizard-lists"
            >
              <legend className="ui-field__label">Lists</legend>
              {items.map((list) => (
                <label key={list.id} className="ui-check">
                  <input
                    type="checkbox"
                    checked={listIds.includes(list.id)}
                    onChange={(e) => toggle(list.id, e.target.checked)}
                    data-testid={`wizard-list-${list.name}`}
                  />
                  <span>
                    {list.name}{' '}
                    <span className="ui-muted ui-small">({list.members.toLocaleString()} contacts)</span>
                  </span>
                </label>
              ))}
              {fieldErrorOf(draft.error, 'listIds') && (
                <p className="ui-field__error">{fieldErrorOf(draft.error, 'listIds')}</p>
              )}
            </fieldset>
          )}
          <TextField
            label="Only contacts with these tags (optional)"
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder="vip, lisbon"
            hint="Comma-separated; a recipient must carry every tag. Empty: everyone in the lists."
            error={fieldErrorOf(draft.error, 'tagFilter')}
            data-testid="wizard-tags"
          />
        </div>
        <div className="ui-row" style={{ justifyContent: 'space-between', marginTop: 16 }}>
          <Button variant="ghost" onClick={onBack}>
            Back
          </Button>
          <Button
            type="submit"
            variant="primary"
            loading={draft.pending}
            disabled={listIds.length === 0}
            data-testid="wizard-next"
          >
            Save and continue
          </Button>
        </div>
      </Card>
    </form>
  );
}
