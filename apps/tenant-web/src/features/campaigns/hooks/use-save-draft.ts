import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterInputs } from '../../../lib/trpc';

type Draft = RouterInputs['campaigns']['create'];
type Patch = Omit<RouterInputs['campaigns']['update'], 'campaignId'>;

/**
 * The wizard saves as it goes: the first step creates the draft, every later one updates it.
 * Resolves with the draft's id either way.
 */
export function useSaveDraft(campaignId: string | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries(trpc.campaigns.pathFilter());
  const create = useMutation(trpc.campaigns.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.campaigns.update.mutationOptions({ onSuccess }));

  const save = async (draft: Draft | Patch): Promise<string> => {
    if (!campaignId) return (await create.mutateAsync(draft as Draft)).campaignId;
    await update.mutateAsync({ ...draft, campaignId });
    return campaignId;
  };
  return {
    save,
    /** Only the update: for autosave of a step's fields on a draft that exists. */
    update,
    pending: create.isPending || update.isPending,
    error: create.error ?? update.error,
  };
}
