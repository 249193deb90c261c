import { Button, ErrorBanner, Icon, Notice, Timeline, type TimelineItem } from '@dbulk/ui';
import { useTestMessageStatus } from '../hooks/use-test-message-status';
import { STEPS, type Step, type TestProgress } from '../utils/test-status';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

const STEP_TEXT: Record<Step, { title: string; description: string }> = {
  sent: { title: 'Sent', description: 'WhatsApp accepted it for the recipient.' },
  delivered: { title: 'Delivered', description: 'It reached the recipient’s phone.' },
  read: { title: 'Read', description: 'The recipient opened it (only reported when read receipts are on).' },
};

function when(at: string, sentAt: number): string {
  const seconds = (Date.parse(at) - sentAt) / 1000;
  const offset = seconds >= 0 ? ` · +${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s` : '';
  return `${clock.format(new Date(at))}${offset}`;
}

export function statusItems(
  progress: TestProgress,
  sentAt: number,
  watching: boolean,
  wamid: string,
): TimelineItem[] {
  const items: TimelineItem[] = [
    {
      key: 'accepted',
      title: 'Accepted by Meta',
      meta: clock.format(new Date(sentAt)),
      description: (
        <span className="ui-mono" data-testid="test-wamid">
          {wamid}
        </span>
      ),
      state: 'done',
      testId: 'test-status-accepted',
    },
  ];
  let current = false;
  for (const step of STEPS) {
    const seen = progress.steps[step];
    const done = seen.at !== null || seen.implied;
    if (!done && progress.failed) continue;
    const state = done ? 'done' : watching && !current ? 'current' : 'pending';
    if (state === 'current') current = true;
    items.push({
      key: step,
      title: STEP_TEXT[step].title,
      meta: seen.at ? when(seen.at, sentAt) : seen.implied ? 'reported out of order' : undefined,
      description: done || state === 'current' ? STEP_TEXT[step].description : undefined,
      state,
      testId: `test-status-${step}`,
    });
  }
  if (progress.failed) {
    const { code, title, at } = progress.failed;
    items.push({
      key: 'failed',
      title: 'Failed',
      meta: when(at, sentAt),
      description: (
        <>
          {code !== null && <strong>Meta error {code}</strong>}
          {code !== null && title ? ': ' : ''}
          {title ?? (code === null ? 'Meta gave no reason.' : '')}
        </>
      ),
      state: 'failed',
      testId: 'test-status-failed',
    });
  }
  return items;
}

/** The live status timeline of one test message. */
export function TestMessageStatus({ wamid, sentAt, to }: { wamid: string; sentAt: number; to: string }) {
  const { progress, error, watching, expired, watchAgain } = useTestMessageStatus(wamid);
  const outcome = progress.failed
    ? 'failed'
    : progress.steps.read.at
      ? 'read'
      : progress.steps.delivered.at
        ? 'delivered'
        : 'pending';
  return (
    <div className="ui-stack" data-testid="test-status" data-outcome={outcome}>
      <div className="ui-row" style={{ justifyContent: 'space-between' }}>
        <strong>To {to}</strong>
        {watching && (
          <span className="ui-muted ui-small ui-row" style={{ gap: 6 }}>
            <span className="ui-spinner ui-spinner--sm" aria-hidden="true" /> Waiting for webhooks…
          </span>
        )}
      </div>
      {error && <ErrorBanner error={error} />}
      <Timeline items={statusItems(progress, sentAt, watching, wamid)} testId="test-status-timeline" />
      {expired && (
        <Notice tone="info" testId="test-status-expired">
          Stopped watching after 60 seconds. Statuses can still arrive later; a phone with read receipts off
          never reports “read”.
          <div style={{ marginTop: 6 }}>
            <Button size="sm" icon={<Icon name="refresh" />} onClick={watchAgain}>
              Check again
            </Button>
          </div>
        </Notice>
      )}
    </div>
  );
}
