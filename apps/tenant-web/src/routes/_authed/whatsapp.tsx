import { createFileRoute } from '@tanstack/react-router';
import { ComingSoon } from './-components/coming-soon';

export const Route = createFileRoute('/_authed/whatsapp')({
  component: () => (
    <ComingSoon
      title="WhatsApp"
      description="The WhatsApp Business Accounts and phone numbers this tenant sends from."
      icon="chat"
      emptyTitle="Connect your WhatsApp Business Account"
      emptyText="Link a WABA and a phone number to send approved templates. Quality rating, messaging limit and throughput will show here."
      arrives="Arrives with the WhatsApp integration"
    />
  ),
});
