import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, ErrorBanner, Notice, TextAreaField, TextField } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { readFileText } from '../utils/rates';
import { RateCardDiff } from './rate-card-diff';
import { RateCardErrors } from './rate-card-errors';

/**
 * Upload a new card: a CSV (file or pasted) and the day it takes effect. The api validates every
 * row (errors by line and field); a valid card is staged and shown as its difference from the
 * card in force on that day, and applies only when confirmed.
 */
export function RateCardUpload({ defaultDate }: { defaultDate: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(defaultDate);
  const stage = useMutation(trpc.billing.stageRateCard.mutationOptions());
  const apply = useMutation(
    trpc.billing.applyRateCard.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.billing.rateCard.pathFilter()),
    }),
  );
  const staged = stage.data;
  const reset = () => {
    stage.reset();
    apply.reset();
  };
  return (
    <Card
      title="Upload a rate card"
      description="CSV columns: market, country_codes, category, rate (or usd_rate); optional pricing_model, currency, tiers."
    >
      <div className="ui-stack">
        <div className="ui-row" style={{ gap: 12, alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <label className="ui-field">
            <span className="ui-field__label">CSV file</span>
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setCsv(await readFileText(file));
                reset();
              }}
              data-testid="rate-card-file"
            />
          </label>
          <TextField
            label="Takes effect on"
            type="date"
            value={effectiveFrom}
            onChange={(e) => {
              setEffectiveFrom(e.target.value);
              reset();
            }}
            data-testid="rate-card-effective"
          />
        </div>
        <TextAreaField
          label="Or paste the CSV"
          rows={6}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            reset();
          }}
          className="ui-mono"
          data-testid="rate-card-csv"
        />
        <div className="ui-row" style={{ gap: 8 }}>
          <Button
            variant="primary"
            disabled={!csv.trim() || !effectiveFrom}
            loading={stage.isPending}
            onClick={() => stage.mutate({ csv, effectiveFrom })}
            data-testid="rate-card-validate"
          >
            Validate and compare
          </Button>
        </div>
        {stage.error && <ErrorBanner error={stage.error} title="Upload refused" />}
        {staged && staged.errors.length > 0 && <RateCardErrors errors={staged.errors} />}
        {staged?.rateCardId && staged.diff && (
          <>
            <RateCardDiff diff={staged.diff} />
            {apply.error && <ErrorBanner error={apply.error} title="Not applied" />}
            {apply.isSuccess ? (
              <Notice testId="rate-card-applied">
                The card applies to messages from {effectiveFrom} on.
              </Notice>
            ) : (
              <ApplyButton
                effectiveFrom={effectiveFrom}
                pending={apply.isPending}
                onApply={() => apply.mutate({ rateCardId: staged.rateCardId! })}
              />
            )}
          </>
        )}
      </div>
    </Card>
  );
}

/** Applying changes what every tenant pays from that day: a second click confirms. */
function ApplyButton({
  effectiveFrom,
  pending,
  onApply,
}: {
  effectiveFrom: string;
  pending: boolean;
  onApply: () => void;
}) {
  const [armed, setArmed] = useState(false);
  return armed ? (
    <div className="ui-row" style={{ gap: 8 }}>
      <span className="ui-small">
        Every tenant is charged these rates for messages from {effectiveFrom} on.
      </span>
      <Button variant="ghost" onClick={() => setArmed(false)}>
        Cancel
      </Button>
      <Button variant="danger" loading={pending} onClick={onApply} data-testid="rate-card-apply-confirm">
        Apply from {effectiveFrom}
      </Button>
    </div>
  ) : (
    <Button variant="primary" onClick={() => setArmed(true)} data-testid="rate-card-apply">
      Apply this card
    </Button>
  );
}
