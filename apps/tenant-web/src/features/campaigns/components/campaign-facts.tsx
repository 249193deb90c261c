import { Card, DescriptionList, formatDateTime } from '@dbulk/ui';
import type { CampaignDetail } from '../utils/campaign-status';
import { formatInZone } from '../utils/schedule';

/** What the campaign sends, from which number, to whom and when. */
export function CampaignFacts({
  campaign,
  listNames,
  timeZone,
}: {
  campaign: CampaignDetail;
  listNames: string[];
  timeZone: string;
}) {
  const t = campaign.template;
  return (
    <Card title="Details">
      <DescriptionList
        items={[
          {
            label: 'Template',
            value: (
              <span className="ui-mono">{`${t.name} · ${t.language} · ${t.category.toLowerCase()}`}</span>
            ),
          },
          { label: 'From', value: campaign.account.displayPhoneNumber ?? 'Unknown number' },
          { label: 'Lists', value: listNames.length ? listNames.join(', ') : '—' },
          {
            label: 'Tags required',
            value: campaign.tagFilter.length ? campaign.tagFilter.join(', ') : 'None',
          },
          {
            label: 'Schedule',
            value: campaign.scheduledAt ? formatInZone(campaign.scheduledAt, timeZone) : 'Sent when started',
          },
          { label: 'Started', value: formatDateTime(campaign.startedAt) || '—' },
          { label: 'Completed', value: formatDateTime(campaign.completedAt) || '—' },
          {
            label: 'Estimated cost',
            value: campaign.estimatedCost === null ? 'Quoted at start' : `$${Number(campaign.estimatedCost).toFixed(2)}`,
          },
        ]}
      />
    </Card>
  );
}
