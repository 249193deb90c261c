import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** start / pause / resume / cancel; each re-reads every campaign query (list, page, messages). */
export function useCampaignActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries(trpc.campaigns.pathFilter());
  return {
    start: useMutation(trpc.campaigns.start.mutationOptions({ onSuccess })),
    pause: useMutation(trpc.campaigns.pause.mutationOptions({ onSuccess })),
    resume: useMutation(trpc.campaigns.resume.mutationOptions({ onSuccess })),
    cancel: useMutation(trpc.campaigns.cancel.mutationOptions({ onSuccess })),
  };
}
