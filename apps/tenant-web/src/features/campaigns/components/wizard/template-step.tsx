import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Card, EmptyState, ErrorBanner, fieldErrorOf, Notice, Select, TextField } from '@dbulk/ui';
import { TemplateMessagePreview } from '../../../../components/template-message-preview';
import { useTRPC, useTRPCClient, type RouterOutputs } from '../../../../lib/trpc';
import { approvedTemplatePreview } from '../../api/template-preview';
import { useSaveDraft } from '../../hooks/use-save-draft';
import { ApprovedTemplateSelect } from './approved-template-select';
import type { CampaignDetail } from '../../utils/campaign-status';

type Account = RouterOutputs['whatsapp']['list'][number];

/** Step 1: name, the sending number and one of its APPROVED templates, with its preview. Creates the draft. */
export function TemplateStep({
  campaign,
  accounts,
  businessName,
  onSaved,
}: {
  campaign: CampaignDetail | undefined;
  accounts: readonly Account[];
  businessName: string;
  onSaved: (campaignId: string) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const connected = accounts.filter((a) => a.status === 'connected');
  const [name, setName] = useState(campaign?.name ?? '');
  const [accountId, setAccountId] = useState(campaign?.account.id ?? connected[0]?.id ?? '');
  const [templateId, setTemplateId] = useState(campaign?.template.id ?? '');
  const templates = useQuery(
    trpc.templates.list.queryOptions(
      { status: ['APPROVED'], accountId, limit: 100 },
      { enabled: accountId !== '' },
    ),
  );
  const items = templates.data?.items ?? [];
  const chosen = items.find((t) => t.id === templateId) ?? (templateId ? undefined : items[0]);
  const preview = useQuery({
    ...approvedTemplatePreview(client, chosen ?? { id: '', updatedAt: '' }),
    enabled: chosen !== undefined,
  });
  const draft = useSaveDraft(campaign?.id);
  const account = connected.find((a) => a.id === accountId);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const changedTemplate = campaign && campaign.template.id !== chosen.id;
    const id = await draft.save(
      campaign
        ? {
            name: name.trim(),
            accountId,
            templateId: chosen.id,
            ...(changedTemplate ? { variableMapping: {} } : {}),
          }
        : {
            name: name.trim(),
            accountId,
            templateId: chosen.id,
            listIds: [],
            tagFilter: [],
            variableMapping: {},
          },
    );
    onSaved(id);
  };

  if (connected.length === 0) {
    return (
      <Card>
        <EmptyState
          icon="chat"
          title="No connected WhatsApp number"
          description="Connect a number and get a template approved first."
        />
      </Card>
    );
  }
  return (
    <form className="ui-split" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Card
        title="Template"
        description="The number the campaign sends from and one of its approved templates."
      >
        <div className="ui-stack">
          {draft.error != null && <ErrorBanner error={draft.error} />}
          <TextField
            label="Campaign name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fieldErrorOf(draft.error, 'name')}
            hint="Only you see it."
            data-testid="wizard-name"
          />
          <Select
            label="From number"
            value={accountId}
            onChange={(e) => {
              setAccountId(e.target.value);
              setTemplateId('');
            }}
            options={connected.map((a) => ({
              value: a.id,
              label: `${a.displayPhoneNumber ?? a.phoneNumberId} · ${a.verifiedName ?? ''}`,
            }))}
            data-testid="wizard-account"
          />
          <ApprovedTemplateSelect
            templates={items}
            loading={templates.isPending}
            value={chosen?.id ?? ''}
            onChange={setTemplateId}
            error={fieldErrorOf(draft.error, 'templateId')}
          />
          {chosen?.category === 'MARKETING' && (
            <Notice tone="info">
              Marketing template: Meta does not deliver it to US numbers, and recipients who stopped marketing
              are skipped.
            </Notice>
          )}
        </div>
        <div className="ui-row" style={{ justifyContent: 'flex-end', marginTop: 16 }}>
          <Button
            type="submit"
            variant="primary"
            loading={draft.pending}
            disabled={!chosen || name.trim() === ''}
            data-testid="wizard-next"
          >
            {campaign ? 'Save and continue' : 'Create draft and continue'}
          </Button>
        </div>
      </Card>
      <aside className="ui-split__aside">
        <TemplateMessagePreview
          preview={chosen ? preview.data : undefined}
          businessName={account?.verifiedName ?? businessName}
          stale={preview.isFetching}
          testId="wizard-template-preview"
        />
      </aside>
    </form>
  );
}
