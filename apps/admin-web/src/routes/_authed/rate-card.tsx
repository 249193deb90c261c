import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@dbulk/ui';
import { rateCardSearchSchema, today } from '../../features/billing/api/billing-queries';
import { RateCardUpload } from '../../features/billing/components/rate-card-upload';
import { RatesInForce } from '../../features/billing/components/rates-in-force';

export const Route = createFileRoute('/_authed/rate-card')({
  validateSearch: rateCardSearchSchema,
  component: RateCardPage,
});

function RateCardPage() {
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const date = search.date ?? today();
  return (
    <>
      <PageHeader
        title="Rate card"
        description="What Meta charges per market (by calling code), category and pricing model, from the day each rate takes effect; tenants pay it plus their markup."
      />
      <div className="ui-stack">
        <RateCardUpload defaultDate={date} />
        <RatesInForce date={date} onDate={(d) => void navigate({ search: { date: d }, replace: true })} />
      </div>
    </>
  );
}
