import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AuditReasonField, Button, Dialog, DialogFooter, ErrorBanner, fieldErrorOf, Select } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { formatMoney } from '../utils/money';

type TenantMargin = RouterOutputs['billing']['margins']['tenants'][number];

/**
 * Starts one of a tenant's drafts although its quote exceeds the available credit (the tenant
 * was refused with CREDIT_INSUFFICIENT). The hold is still placed; the reason is audited.
 */
export function StartOverCreditDialog({
  tenant,
  onClose,
}: {
  tenant: TenantMargin | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [campaignId, setCampaignId] = useState('');
  const [reason, setReason] = useState('');
  const drafts = useQuery({
    ...trpc.billing.draftCampaigns.queryOptions({ tenantId: tenant?.tenantId ?? '' }),
    enabled: tenant !== null,
  });
  const start = useMutation(
    trpc.billing.startOverCredit.mutationOptions({
      onSuccess: async () => {
        close();
        await queryClient.invalidateQueries(trpc.billing.pathFilter());
      },
    }),
  );
  function close() {
    setCampaignId('');
    setReason('');
    start.reset();
    onClose();
  }
  if (!tenant) return null;
  const items = drafts.data?.items ?? [];
  const chosen = campaignId || items[0]?.id || '';
  const available = tenant.creditLimit === null ? null : tenant.creditLimit + tenant.balance;
  return (
    <Dialog
      open
      onClose={close}
      title={`Start a campaign of ${tenant.tenantName} over credit`}
      description={`Available credit ${available === null ? 'unlimited (no credit limit)' : formatMoney(available)}. The campaign's quote is held anyway; the reason lands in the audit log.`}
      testId="over-credit-dialog"
    >
      <div className="ui-stack">
        {(start.error ?? drafts.error) && <ErrorBanner error={start.error ?? drafts.error} />}
        {items.length === 0 && !drafts.isPending ? (
          <p className="ui-small ui-muted" data-testid="over-credit-empty">
            This tenant has no draft campaigns.
          </p>
        ) : (
          <Select
            label="Draft campaign"
            value={chosen}
            onChange={(e) => setCampaignId(e.target.value)}
            options={items.map((c) => ({
              value: c.id,
              label: `${c.name} · created ${c.createdAt.slice(0, 10)}`,
            }))}
            data-testid="over-credit-campaign"
          />
        )}
        <AuditReasonField value={reason} onChange={setReason} error={fieldErrorOf(start.error, 'reason')} testId="over-credit-reason" />
      </div>
      <DialogFooter>
        <Button variant="ghost" onClick={close}>
          Cancel
        </Button>
        <Button
          disabled={!chosen || !reason.trim()}
          loading={start.isPending}
          onClick={() =>
            start.mutate({ tenantId: tenant.tenantId, campaignId: chosen, reason: reason.trim() })
          }
          data-testid="over-credit-confirm"
        >
          Start over credit
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
