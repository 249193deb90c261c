import { createFileRoute } from '@tanstack/react-router';
import { ComingSoon } from './-components/coming-soon';

export const Route = createFileRoute('/_authed/contacts')({
  component: () => (
    <ComingSoon
      title="Contacts"
      description="Recipients, lists and opt-outs."
      icon="contacts"
      emptyTitle="No contacts yet"
      emptyText="Import opted-in contacts from CSV into lists; numbers are normalised to E.164 and opt-outs are honoured on every send."
      arrives="Arrives with contact import"
    />
  ),
});
