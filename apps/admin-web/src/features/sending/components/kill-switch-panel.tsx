import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, DescriptionList, formatDateTime, formatRelativeTime, Icon, ReasonDialog } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

/** The global kill switch: one glance says whether anything may be sent, one deliberate act changes it. */
export function KillSwitchPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.system.settings.queryOptions());
  const [open, setOpen] = useState(false);
  const setKillSwitch = useMutation(
    trpc.system.setKillSwitch.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries(trpc.system.settings.queryFilter());
      },
    }),
  );
  const { engaged, reason, changedAt, changedByEmail } = data.killSwitch;

  return (
    <>
      <section
        className={`ui-killswitch ${engaged ? 'ui-killswitch--engaged' : 'ui-killswitch--released'}`}
        data-testid="kill-switch"
        data-engaged={engaged}
      >
        <div className="ui-killswitch__icon">
          <Icon name="power" />
        </div>
        <div className="ui-killswitch__text">
          <div className="ui-killswitch__eyebrow">Global kill switch</div>
          <h2 className="ui-killswitch__title" data-testid="kill-switch-state">
            {engaged ? 'Engaged — all sending is stopped' : 'Released — sending runs normally'}
          </h2>
          <p className="ui-killswitch__detail">
            {engaged
              ? 'No tenant sends anything to Meta. Messages consumed meanwhile go back to pending and resume when released.'
              : 'Tenants send within their own limits. Engaging stops every sender within about a second.'}
          </p>
        </div>
        <div className="ui-killswitch__action">
          {engaged ? (
            <Button key="release" size="lg" variant="primary" onClick={() => setOpen(true)} data-testid="kill-switch-release">
              Release kill switch
            </Button>
          ) : (
            <Button key="engage" size="lg" variant="danger" onClick={() => setOpen(true)} data-testid="kill-switch-engage">
              Engage kill switch
            </Button>
          )}
        </div>
      </section>
      <Card title="Last change">
        {changedAt ? (
          <DescriptionList
            items={[
              { label: 'State', value: engaged ? 'Engaged' : 'Released' },
              { label: 'Reason', value: <span data-testid="kill-switch-reason">{reason}</span> },
              { label: 'By', value: changedByEmail ?? 'unknown' },
              { label: 'When', value: `${formatDateTime(changedAt)} (${formatRelativeTime(changedAt)})` },
            ]}
          />
        ) : (
          <p className="ui-muted">The kill switch has never been used.</p>
        )}
      </Card>
      <ReasonDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setKillSwitch.reset();
        }}
        tone={engaged ? 'default' : 'danger'}
        title={engaged ? 'Release the kill switch?' : 'Engage the kill switch?'}
        description={
          engaged
            ? 'Sending resumes for every tenant whose own sending is allowed.'
            : 'Every tenant stops sending immediately. Use it for incidents: a Meta outage, a runaway campaign, a compromised account.'
        }
        confirmLabel={engaged ? 'Release and resume sending' : 'Stop all sending'}
        acknowledgement={engaged ? undefined : 'I understand this stops all sending on the platform.'}
        onConfirm={(why) => setKillSwitch.mutate({ engaged: !engaged, reason: why })}
        pending={setKillSwitch.isPending}
        error={setKillSwitch.error}
        testId="kill-switch-dialog"
      />
    </>
  );
}
