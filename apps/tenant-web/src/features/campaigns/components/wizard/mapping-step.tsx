import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Card, EmptyState, ErrorBanner, Notice, Spinner } from '@dbulk/ui';
import { useTRPC } from '../../../../lib/trpc';
import { useSaveDraft } from '../../hooks/use-save-draft';
import type { CampaignDetail } from '../../utils/campaign-status';
import { mappingFor, unmappedKeys, variableLabel, type VariableMapping } from '../../utils/wizard';
import { MappingRow } from './mapping-row';
import { SamplePreviews } from './sample-previews';

const AUTOSAVE_MS = 500;

/**
 * Step 3: one row per template variable. Changes save to the draft after a short pause, and the
 * preview re-renders the message for sample contacts of the chosen lists with the saved mapping.
 */
export function MappingStep({
  campaign,
  businessName,
  onSaved,
  onBack,
}: {
  campaign: CampaignDetail;
  businessName: string;
  onSaved: () => void;
  onBack: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const variables = useQuery(trpc.campaigns.variables.queryOptions({ templateId: campaign.template.id }));
  const keys = (variables.data ?? []).map((v) => v.key);
  const [mapping, setMapping] = useState<VariableMapping | null>(null);
  const current = mapping ?? mappingFor(keys, campaign.variableMapping);
  const draft = useSaveDraft(campaign.id);
  const saved = useRef(JSON.stringify(campaign.variableMapping));
  const preview = useQuery(trpc.campaigns.preview.queryOptions({ campaignId: campaign.id, sample: 3 }));

  const persist = async (value: VariableMapping) => {
    const text = JSON.stringify(value);
    if (text === saved.current) return;
    await draft.update.mutateAsync({ campaignId: campaign.id, variableMapping: value });
    saved.current = text;
    await queryClient.invalidateQueries(trpc.campaigns.preview.queryFilter({ campaignId: campaign.id }));
  };

  // Autosave a moment after the last change (and once, when the guesses first fill the rows).
  useEffect(() => {
    if (!variables.data) return;
    const timer = setTimeout(() => void persist(current).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // persist reads the latest mapping through `current`; re-run when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(current), variables.data]);

  const missing = unmappedKeys(keys, current);
  const onNext = async () => {
    await persist(current);
    onSaved();
  };

  return (
    <div className="ui-split">
      <Card
        title="Variables"
        description="Where each variable of the template takes its value for each recipient."
      >
        <div className="ui-stack">
          {(draft.error ?? variables.error) != null && <ErrorBanner error={draft.error ?? variables.error} />}
          {variables.isPending && <Spinner label="Loading the template’s variables" />}
          {variables.data?.length === 0 && (
            <EmptyState
              icon="braces"
              title="Nothing to map"
              description="This template has no variables: everyone gets the same message."
            />
          )}
          {(variables.data ?? []).map((v) => (
            <MappingRow
              key={v.key}
              variable={v}
              source={current[v.key]}
              onChange={(source) => setMapping({ ...current, [v.key]: source })}
            />
          ))}
          {missing.length > 0 && (
            <div data-testid="mapping-unmapped">
              <Notice tone="warning">
                Still without a value: {missing.map(variableLabel).join(', ')}. The campaign cannot start
                until every variable has one.
              </Notice>
            </div>
          )}
        </div>
        <div className="ui-row" style={{ justifyContent: 'space-between', marginTop: 16 }}>
          <Button variant="ghost" onClick={onBack}>
            Back
          </Button>
          <span className="ui-row" style={{ gap: 8 }}>
            <span className="ui-small ui-muted" data-testid="mapping-saved">
              {draft.update.isPending ? 'Saving…' : draft.update.isSuccess ? 'Saved' : ''}
            </span>
            <Button
              variant="primary"
              loading={draft.pending}
              onClick={() => void onNext()}
              data-testid="wizard-next"
            >
              Save and continue
            </Button>
          </span>
        </div>
      </Card>
      <aside className="ui-split__aside">
        <Card title="Preview" description="For sample contacts of your lists, with the saved mapping.">
          {preview.error && <ErrorBanner error={preview.error} />}
          {preview.data && preview.data.samples.length === 0 && (
            <p className="ui-muted ui-small">No contacts in the chosen lists yet.</p>
          )}
          {preview.data && <SamplePreviews samples={preview.data.samples} businessName={businessName} />}
        </Card>
      </aside>
    </div>
  );
}
