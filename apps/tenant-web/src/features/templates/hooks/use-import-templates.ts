import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** Imports a number's WABA templates (upsert by name + language) and refreshes the list. */
export function useImportTemplates() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.templates.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.templates.list.queryFilter()),
    }),
  );
}

export type ImportMutation = ReturnType<typeof useImportTemplates>;
