import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** Connects a fresh Meta-sandbox number of this tenant's own (its WABA, number and token). */
export function useConnectSandbox() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.whatsapp.connectSandbox.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.whatsapp.list.queryFilter()),
    }),
  );
}

export type ConnectSandboxMutation = ReturnType<typeof useConnectSandbox>;
