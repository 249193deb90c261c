import { createFileRoute } from '@tanstack/react-router';
import { Card, EmptyState, PageHeader, Stat } from '@dbulk/ui';

export const Route = createFileRoute('/_authed/rate-card')({
  component: () => (
    <>
      <PageHeader
        title="Rate card"
        description="What Meta charges per market and category, and the markup tenants pay on top."
      />
      <div className="ui-grid">
        <Stat label="Markets priced" value="—" hint="Arrives with billing" />
        <Stat label="Rate card in force since" value="—" hint="Arrives with billing" />
        <Stat label="Platform spend this month" value="—" hint="Arrives with billing" />
      </div>
      <Card>
        <EmptyState
          icon="tag"
          title="No rates loaded"
          description="Rates per market (by calling code), category and pricing model, with the date they take effect, will be listed and edited here."
          note="Arrives with billing"
          testId="coming-soon"
        />
      </Card>
    </>
  ),
});
