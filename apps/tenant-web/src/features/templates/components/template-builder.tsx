import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { useTemplateCheck } from '../hooks/use-template-check';
import { SECTION_OF, sectionOfField } from '../utils/form-sections';
import { firstProblemAt } from '../utils/problems';
import { emptyForm, formFromDetail, toContent, type TemplateForm } from '../utils/template-form';
import { BuilderActions } from './builder-actions';
import { BuilderForm } from './builder-form';
import { TemplateChecks } from './template-checks';
import { TemplateMessagePreview } from '../../../components/template-message-preview';

type Detail = RouterOutputs['templates']['byId'];
type Account = RouterOutputs['whatsapp']['list'][number];

export type BuilderMode = { kind: 'new'; accountId?: string } | { kind: 'edit'; template: Detail };

/**
 * New template, draft edit, or edit-and-resubmit of a template Meta has seen. Every change is
 * checked against Meta's rules by the api (debounced) and drawn as WhatsApp will show it.
 */
export function TemplateBuilder({ mode, accounts }: { mode: BuilderMode; accounts: Account[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const existing = mode.kind === 'edit' ? mode.template : null;
  const [form, setForm] = useState<TemplateForm>(() =>
    existing
      ? formFromDetail(existing)
      : emptyForm(mode.kind === 'new' ? (mode.accountId ?? accounts[0]?.id ?? '') : ''),
  );
  const [touched, setTouched] = useState<Set<string>>(
    () => new Set(existing ? ['identity', 'header', 'body', 'footer', 'buttons'] : []),
  );
  const [draftId, setDraftId] = useState<string | null>(existing?.id ?? null);
  const content = useMemo(() => toContent(form), [form]);
  const { result, stale } = useTemplateCheck(content);

  // Meta's edit rules: an approved template keeps its category; a submitted one its name and language.
  const metaEdit = existing !== null && !existing.actions.canUpdateDraft && existing.actions.canEdit;
  const locked = {
    identity: existing !== null && (existing.metaTemplateId !== null || metaEdit),
    category: existing?.status === 'APPROVED',
  };

  const update = (patch: Partial<TemplateForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setTouched(
      (current) =>
        new Set([...current, ...Object.keys(patch).map((k) => SECTION_OF[k as keyof TemplateForm])]),
    );
  };
  const problems = result?.problems ?? [];
  const problem = (field: string) =>
    touched.has(sectionOfField(field)) ? firstProblemAt(problems, field) : undefined;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.templates.list.queryFilter()),
      queryClient.invalidateQueries(trpc.templates.byId.queryFilter()),
    ]);
  const createDraft = useMutation(trpc.templates.createDraft.mutationOptions());
  const updateDraft = useMutation(trpc.templates.updateDraft.mutationOptions());
  const submit = useMutation(trpc.templates.submit.mutationOptions());
  const edit = useMutation(trpc.templates.edit.mutationOptions());
  const error = createDraft.error ?? updateDraft.error ?? submit.error ?? edit.error;
  const busy = createDraft.isPending || updateDraft.isPending || submit.isPending || edit.isPending;

  /** Stores the form as a draft (creating it the first time) and returns its id. */
  const saveDraft = async (): Promise<string> => {
    if (draftId) return (await updateDraft.mutateAsync({ ...content, templateId: draftId })).id;
    const created = await createDraft.mutateAsync({ ...content, accountId: form.accountId });
    setDraftId(created.id);
    return created.id;
  };

  const run = async (action: 'save' | 'submit') => {
    setTouched(new Set(['identity', 'header', 'body', 'footer', 'buttons']));
    for (const m of [createDraft, updateDraft, submit, edit]) m.reset();
    try {
      let id: string;
      if (metaEdit && existing)
        id = (
          await edit.mutateAsync({
            templateId: existing.id,
            components: content.components,
            category: content.category,
          })
        ).id;
      else {
        id = await saveDraft();
        if (action === 'submit') await submit.mutateAsync({ templateId: id });
      }
      await refresh();
      await navigate({ to: '/templates/$templateId', params: { templateId: id }, replace: true });
    } catch {
      // Shown by the mutation's error; the form keeps what was typed.
      await refresh();
    }
  };

  const account = accounts.find((a) => a.id === form.accountId);
  const submitLabel = metaEdit
    ? 'Submit changes'
    : existing && existing.status !== 'DRAFT'
      ? 'Resubmit for review'
      : 'Submit for review';

  return (
    <div className="ui-split">
      <BuilderForm
        existing={existing}
        form={form}
        update={update}
        problem={problem}
        error={error}
        accounts={accounts}
        locked={locked}
      />
      <aside className="ui-split__aside">
        <TemplateMessagePreview
          preview={result?.preview}
          businessName={account?.verifiedName ?? account?.displayPhoneNumber ?? 'Your business'}
          stale={stale}
        />
        <TemplateChecks problems={result?.problems} checking={stale} />
        <BuilderActions
          error={error}
          metaEdit={metaEdit}
          saving={busy && !submit.isPending}
          saveDisabled={busy || !form.name || !form.accountId}
          submitting={submit.isPending || edit.isPending}
          submitDisabled={busy || !form.accountId || (result !== undefined && !result.ok)}
          submitLabel={submitLabel}
          onSave={() => void run('save')}
          onSubmit={() => void run('submit')}
        />
      </aside>
    </div>
  );
}
