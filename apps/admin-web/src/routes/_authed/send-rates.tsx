import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@dbulk/ui';
import { numberRatesOptions } from '../../features/sending/api/rates-queries';
import { NumberRatesTable } from '../../features/sending/components/number-rates-table';
import { ThroughputChart } from '../../features/sending/components/throughput-chart';

export const Route = createFileRoute('/_authed/send-rates')({
  loader: ({ context: { queryClient, trpc } }) => queryClient.ensureQueryData(numberRatesOptions(trpc)),
  component: () => (
    <>
      <PageHeader title="Send rates" description="Live platform throughput, and each number’s adaptive rate with the ceiling admins may set." />
      <ThroughputChart />
      <NumberRatesTable />
    </>
  ),
});
