import { createFileRoute } from '@tanstack/react-router';
import { Stat } from '@dbulk/ui';
import { ComingSoon } from './-components/coming-soon';

export const Route = createFileRoute('/_authed/billing')({
  component: () => (
    <ComingSoon
      title="Billing"
      description="Credit, spend and the rates Meta charges per market and category."
      icon="card"
      emptyTitle="No billing activity yet"
      emptyText="Each delivered template message is priced by the recipient’s market and the category Meta reports. Ledger entries and invoices will appear here."
      arrives="Arrives with billing"
    >
      <div className="ui-grid">
        <Stat label="Credit remaining" value="—" hint="Arrives with billing" />
        <Stat label="Spend this month" value="—" hint="Arrives with billing" />
        <Stat label="Held for running campaigns" value="—" hint="Arrives with billing" />
      </div>
    </ComingSoon>
  ),
});
