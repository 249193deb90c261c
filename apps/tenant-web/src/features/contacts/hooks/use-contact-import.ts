import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { uploadContacts, type ContactImport, type UploadOptions } from '../utils/upload-contacts';

/**
 * One upload: the client names the import, subscribes to its progress (the server polls the
 * import's row, so any api replica may run it), then streams the file. The final summary comes
 * from the upload's answer, or from the last progress event if that arrives first.
 */
export function useContactImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [importId, setImportId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ContactImport | null>(null);
  useSubscription(
    trpc.imports.onProgress.subscriptionOptions(
      importId ? { importId } : { importId: '00000000-0000-4000-8000-000000000000' },
      {
        enabled: importId !== null,
        onData: (snapshot) => setProgress(snapshot),
      },
    ),
  );
  const upload = useMutation({
    mutationFn: ({ file, ...options }: Omit<UploadOptions, 'importId'> & { file: File }) => {
      const id = crypto.randomUUID();
      setProgress(null);
      setImportId(id);
      return uploadContacts(file, { ...options, importId: id });
    },
    onSettled: async () => {
      setImportId(null);
      await queryClient.invalidateQueries(trpc.contacts.pathFilter());
      await queryClient.invalidateQueries(trpc.lists.pathFilter());
      await queryClient.invalidateQueries(trpc.imports.pathFilter());
    },
  });
  const result = upload.data ?? (progress && progress.status !== 'RUNNING' ? progress : null);
  return {
    start: upload.mutate,
    running: upload.isPending,
    progress,
    result,
    error: upload.error,
    reset: upload.reset,
  };
}
