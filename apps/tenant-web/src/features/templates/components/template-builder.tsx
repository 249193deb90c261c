import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { Button, Card, ErrorBanner, fieldErrorOf, Icon, Notice } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { useTemplateCheck } from '../hooks/use-template-check';
import { firstProblemAt } from '../utils/problems';
import { emptyForm, formFromDetail, toContent, type TemplateForm } from '../utils/template-form';
import {
  AuthenticationFields,
  BodyFields,
  FooterFields,
  HeaderFields,
  IdentityFields,
} from './builder-fields';
import { ButtonFields } from './builder-buttons';
import { TemplateChecks } from './template-checks';
import { TemplateMessagePreview } from '../../../components/template-message-preview';

type Detail = RouterOutputs['templates']['byId'];
type Account = RouterOutputs['whatsapp']['list'][number];

export type BuilderMode = { kind: 'new'; accountId?: string } | { kind: 'edit'; template: Detail };

/** Which part of the form a field belongs to, so its problems show once that part was touched. */
const SECTION_OF: Record<keyof TemplateForm, string> = {
  accountId: 'identity',
  name: 'identity',
  language: 'identity',
  category: 'identity',
  parameterFormat: 'body',
  header: 'header',
  headerText: 'header',
  headerMedia: 'header',
  headerExamples: 'header',
  bodyText: 'body',
  bodyExamples: 'body',
  footerText: 'footer',
  buttons: 'buttons',
  addSecurityRecommendation: 'body',
  codeExpirationMinutes: 'footer',
};

function sectionOfField(field: string): string {
  if (field.startsWith('components.header')) return 'header';
  if (field.startsWith('components.body')) return 'body';
  if (field.startsWith('components.footer')) return 'footer';
  if (field.startsWith('components.buttons')) return 'buttons';
  return field === 'parameterFormat' ? 'body' : 'identity';
}

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
  const auth = form.category === 'AUTHENTICATION';

  return (
    <div className="ui-split">
      <div className="ui-stack">
        {existing?.unsupported.length ? (
          <Notice tone="warning">
            This template uses parts the builder cannot edit ({existing.unsupported.join(', ')}). Edit it in
            WhatsApp Manager.
          </Notice>
        ) : null}
        <Card
          title="Template"
          description="How Meta files it: the name and language identify it on the WhatsApp number’s account."
        >
          <IdentityFields
            form={form}
            update={update}
            problem={(field) =>
              problem(field) ?? (field === 'name' ? fieldErrorOf(error, 'name') : undefined)
            }
            accounts={accounts.map((a) => ({
              value: a.id,
              label: `${a.displayPhoneNumber ? `+${a.displayPhoneNumber.replace(/^\+/, '')}` : a.phoneNumberId}${a.verifiedName ? ` · ${a.verifiedName}` : ''}`,
            }))}
            locked={locked}
          />
        </Card>
        {auth ? (
          <Card title="Authentication message">
            <AuthenticationFields form={form} update={update} problem={problem} />
          </Card>
        ) : (
          <>
            <Card
              title="Header"
              description="Optional: a bold line, or an image, video or document above the text."
            >
              <HeaderFields form={form} update={update} problem={problem} />
            </Card>
            <Card
              title="Body"
              description="The message. Variables are filled in per recipient when a campaign sends it."
            >
              <BodyFields form={form} update={update} problem={problem} />
            </Card>
            <Card title="Footer">
              <FooterFields form={form} update={update} problem={problem} />
            </Card>
            <Card title="Buttons" description="Optional: up to 10 under the message.">
              <ButtonFields form={form} update={update} problem={problem} />
            </Card>
          </>
        )}
      </div>
      <aside className="ui-split__aside">
        <TemplateMessagePreview
          preview={result?.preview}
          businessName={account?.verifiedName ?? account?.displayPhoneNumber ?? 'Your business'}
          stale={stale}
        />
        <TemplateChecks problems={result?.problems} checking={stale} />
        <Card>
          <div className="ui-stack" style={{ gap: 12 }}>
            {error && <ErrorBanner error={error} />}
            {metaEdit && (
              <p className="ui-muted ui-small">
                Changes go back to Meta for review. Approved templates can be edited once a day and 10 times
                in 30 days.
              </p>
            )}
            <div className="ui-row" style={{ justifyContent: 'flex-end' }}>
              {!metaEdit && (
                <Button
                  icon={<Icon name="check" />}
                  loading={busy && !submit.isPending}
                  disabled={busy || !form.name || !form.accountId}
                  onClick={() => void run('save')}
                  data-testid="builder-save"
                >
                  Save draft
                </Button>
              )}
              <Button
                variant="primary"
                icon={<Icon name="send" />}
                loading={submit.isPending || edit.isPending}
                disabled={busy || !form.accountId || (result !== undefined && !result.ok)}
                onClick={() => void run('submit')}
                data-testid="builder-submit"
              >
                {submitLabel}
              </Button>
            </div>
          </div>
        </Card>
      </aside>
    </div>
  );
}
