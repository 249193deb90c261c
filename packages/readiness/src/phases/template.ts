/**
 * Phase B, template lifecycle: a new UTILITY template goes create → submitted (PENDING at Meta)
 * → APPROVED. In the sandbox, approval is driven through its control API and must arrive by
 * Meta's `message_template_status_update` webhook (the webhooks phase reports whether it did).
 * Against a real WABA, Meta's review may take longer than a run: the new template must reach
 * Meta (PENDING or APPROVED), and the campaigns use READINESS_TEMPLATE_NAME, which must already
 * be APPROVED (imported from the WABA).
 */
import type { RunContext } from '../context';
import { waitFor } from '../http';
import { StepFailure } from '../report';

export const READINESS_BODY = 'Hello {{1}}, this is the dbulk readiness check. No action is needed.';

export async function templatePhase(ctx: RunContext): Promise<void> {
  const { rec, tenant, shared } = ctx;
  rec.phase('template');
  const accountId = shared.accountId;
  if (!accountId) {
    await rec.step('a connected number', async () => {
      throw new StepFailure('the connection phase left no connected number');
    });
    return;
  }
  const name = `dbulk_readiness_${ctx.run}`;
  const draft = await rec.step('new template draft created', async () => {
    const created = await tenant.templates.createDraft.mutate({
      accountId, name, language: 'en_US', category: 'UTILITY', parameterFormat: 'POSITIONAL',
      components: { body: { text: READINESS_BODY, examples: { '1': 'Alex' } } },
    });
    if (created.status !== 'DRAFT') throw new StepFailure(`new template is ${created.status}, expected DRAFT`);
    return { value: created, detail: { templateId: created.id, name } };
  });
  if (!draft) return;
  const submitted = await rec.step('template submitted (PENDING at Meta)', async () => {
    const t = await tenant.templates.submit.mutate({ templateId: draft.id });
    if (!t.metaTemplateId || (t.status !== 'PENDING' && t.status !== 'APPROVED'))
      throw new StepFailure(`after submit the template is ${t.status} with Meta id ${t.metaTemplateId ?? 'none'}`, { rejectionReason: t.rejectionReason });
    return { value: t, detail: { status: t.status, metaTemplateId: t.metaTemplateId } };
  });
  if (!submitted) return;

  if (ctx.sandbox) {
    const sandbox = ctx.sandbox;
    await rec.step('template approved (sandbox review via its control API)', async () => {
      const started = Date.now();
      await sandbox.approveTemplate(submitted.metaTemplateId!);
      const byWebhook = await waitFor('APPROVED from the status webhook', Math.min(30_000, ctx.profile.stepTimeoutMs), async () => {
        const t = await tenant.templates.byId.query({ templateId: draft.id });
        return t.status === 'APPROVED' ? t : undefined;
      }).catch(() => undefined);
      shared.approvedByWebhook = Boolean(byWebhook);
      const t = byWebhook ?? (await tenant.templates.refresh.mutate({ templateId: draft.id }));
      if (t.status !== 'APPROVED') throw new StepFailure(`template is ${t.status} after the sandbox approved it`, { rejectionReason: t.rejectionReason });
      shared.templateId = draft.id;
      shared.templateName = name;
      return { value: true, detail: { status: t.status, approvedByWebhook: shared.approvedByWebhook, secondsToApproved: (Date.now() - started) / 1000 } };
    });
    return;
  }

  const real = ctx.config.real!;
  await rec.step(`campaign template ${real.templateName} (${real.templateLanguage}) is APPROVED`, async () => {
    const imported = await tenant.templates.import.mutate({ accountId });
    const page = await tenant.templates.list.query({ search: real.templateName, accountId, limit: 100, offset: 0 });
    const t = page.items.find((x) => x.name === real.templateName && x.language === real.templateLanguage);
    if (!t) throw new StepFailure(`no template ${real.templateName} (${real.templateLanguage}) on the WABA`, { imported });
    if (t.status !== 'APPROVED') throw new StepFailure(`template ${real.templateName} is ${t.status}`, { rejectionReason: t.rejectionReason });
    shared.templateId = t.id;
    shared.templateName = t.name;
    return { value: true, detail: { templateId: t.id, category: t.category, imported } };
  });
}
