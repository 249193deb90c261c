/**
 * The builder's live check: `templates.validate` on the content, debounced while typing. It
 * answers with Meta's problems by field, the variables and the rendered preview in one call; the
 * last answer stays on screen while the next is on its way, so nothing flickers.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import type { TemplateContent } from '../utils/template-form';

const DEBOUNCE_MS = 300;

export type TemplateCheck = RouterOutputs['templates']['validate'];

export function useTemplateCheck(content: TemplateContent, enabled = true) {
  const trpc = useTRPC();
  const { mutate, error } = useMutation(trpc.templates.validate.mutationOptions());
  const key = useMemo(() => JSON.stringify(content), [content]);
  // useMutation drops its data when the next call starts; the last answer is kept here instead.
  const [checked, setChecked] = useState<{ key: string; result: TemplateCheck } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => {
      mutate(JSON.parse(key) as TemplateContent, { onSuccess: (result) => setChecked({ key, result }) });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, enabled, mutate]);

  return {
    result: checked?.result,
    /** The shown result is for older content than the form's. */
    stale: checked?.key !== key,
    error,
  };
}
