import { useState, type FormEvent } from 'react';
import { Button, Card, ErrorBanner, fieldErrorOf, TextField } from '@dbulk/ui';
import { useSaveDraft } from '../../hooks/use-save-draft';
import type { CampaignDetail } from '../../utils/campaign-status';
import { formatInZone, isFuture, isoToZoned, zonedToIso } from '../../utils/schedule';

/** Step 4: start as soon as it is started, or at a time on the tenant's clock (not the browser's). */
export function ScheduleStep({
  campaign,
  timeZone,
  onSaved,
  onBack,
}: {
  campaign: CampaignDetail;
  timeZone: string;
  onSaved: () => void;
  onBack: () => void;
}) {
  const [mode, setMode] = useState<'now' | 'later'>(campaign.scheduledAt ? 'later' : 'now');
  const [local, setLocal] = useState(campaign.scheduledAt ? isoToZoned(campaign.scheduledAt, timeZone) : '');
  const [past, setPast] = useState(false);
  const draft = useSaveDraft(campaign.id);
  const iso = mode === 'later' ? zonedToIso(local, timeZone) : null;
  const [touched, setTouched] = useState(false);
  const problem =
    mode === 'later' && !iso ? 'Pick a date and time.' : past ? 'Pick a time in the future.' : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const inPast = iso !== null && !isFuture(iso);
    setPast(inPast);
    if ((mode === 'later' && !iso) || inPast) return;
    await draft.save({ scheduledAt: iso });
    onSaved();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Card title="Schedule" description={`Times are on your workspace’s clock: ${timeZone}.`}>
        <div className="ui-stack">
          {draft.error != null && <ErrorBanner error={draft.error} />}
          <label className="ui-check">
            <input
              type="radio"
              name="when"
              checked={mode === 'now'}
              onChange={() => setMode('now')}
              data-testid="schedule-now"
            />
            <span>Send when I start it</span>
          </label>
          <label className="ui-check">
            <input
              type="radio"
              name="when"
              checked={mode === 'later'}
              onChange={() => setMode('later')}
              data-testid="schedule-later"
            />
            <span>Schedule for later</span>
          </label>
          {mode === 'later' && (
            <TextField
              label={`Date and time (${timeZone})`}
              type="datetime-local"
              value={local}
              onChange={(e) => {
                setLocal(e.target.value);
                setPast(false);
              }}
              hint={iso ? `Starts ${formatInZone(iso, timeZone)}.` : undefined}
              error={(touched ? problem : undefined) ?? fieldErrorOf(draft.error, 'scheduledAt')}
              data-testid="schedule-at"
            />
          )}
        </div>
        <div className="ui-row" style={{ justifyContent: 'space-between', marginTop: 16 }}>
          <Button variant="ghost" onClick={onBack}>
            Back
          </Button>
          <Button type="submit" variant="primary" loading={draft.pending} data-testid="wizard-next">
            Save and review
          </Button>
        </div>
      </Card>
    </form>
  );
}
