/** Re-validate and disconnect, shared by the numbers table and the number's page. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useNumberActions(options: { onDisconnected?: () => void | Promise<void> } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.whatsapp.list.queryFilter()),
      queryClient.invalidateQueries(trpc.whatsapp.byId.queryFilter()),
    ]);
  const revalidate = useMutation(trpc.whatsapp.revalidate.mutationOptions({ onSuccess: refresh }));
  const disconnect = useMutation(
    trpc.whatsapp.disconnect.mutationOptions({
      onSuccess: async () => {
        await options.onDisconnected?.();
        await refresh();
      },
    }),
  );
  return { revalidate, disconnect };
}
