/** Submit, refresh from Meta and delete, with the caches they change. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

export function useTemplateActions(options: { onDeleted?: () => void | Promise<void> } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.templates.list.queryFilter()),
      queryClient.invalidateQueries(trpc.templates.byId.queryFilter()),
    ]);
  return {
    submit: useMutation(trpc.templates.submit.mutationOptions({ onSuccess: refresh })),
    refreshFromMeta: useMutation(trpc.templates.refresh.mutationOptions({ onSuccess: refresh })),
    remove: useMutation(
      trpc.templates.delete.mutationOptions({
        onSuccess: async () => {
          await refresh();
          await options.onDeleted?.();
        },
      }),
    ),
  };
}
