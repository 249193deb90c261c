import { Icon } from '@dbulk/ui';
import { statusBanner, type CampaignDetail } from '../utils/campaign-status';

/** Why the campaign is paused, waiting or failed, in the words the pipeline recorded. */
export function StatusBanner({ campaign }: { campaign: CampaignDetail }) {
  const banner = statusBanner(campaign);
  if (!banner) return null;
  return (
    <div
      className={`ui-banner ui-banner--${banner.tone}`}
      role={banner.tone === 'danger' ? 'alert' : 'status'}
      data-testid="campaign-status-banner"
      data-code={campaign.statusCode ?? ''}
    >
      <Icon name={banner.tone === 'info' ? 'clock' : 'alert'} className="ui-banner__icon" />
      <div className="ui-banner__content">
        <strong className="ui-banner__title">{banner.title}</strong>
        {campaign.statusReason && <span>{campaign.statusReason}</span>}
      </div>
    </div>
  );
}
