import { createFileRoute } from '@tanstack/react-router';
import { ComingSoon } from './-components/coming-soon';

export const Route = createFileRoute('/_authed/campaigns')({
  component: () => (
    <ComingSoon
      title="Campaigns"
      description="Send a template to a contact list, paced within your limits, and watch delivery live."
      icon="send"
      emptyTitle="No campaigns yet"
      emptyText="Pick a template and a list, map variables, see a cost quote, then start, pause or schedule. Progress and read rates update live."
      arrives="Arrives with campaigns"
    />
  ),
});
