/**
 * Message templates: list and detail for everyone in the tenant; the builder's live check and
 * preview; drafts, submission, edits, refresh, deletion and import for members and up.
 * Zod checks shapes only (with generous bounds); Meta's rules live in @dbulk/domain-templates
 * so `validate` and `submit` report the same problems, at the same field paths.
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '@dbulk/db';
import {
  BUTTON_TYPES,
  checkTemplate,
  createDraft,
  deleteTemplate,
  editTemplate,
  HEADER_FORMATS,
  importTemplates,
  listTemplates,
  OTP_TYPES,
  PARAMETER_FORMATS,
  previewTemplate,
  refreshTemplate,
  submitTemplate,
  templateById,
  updateDraft,
  type TemplateComponents,
  type TemplateContent,
} from '@dbulk/domain-templates';
import { tenantProcedure } from '../../trpc';
import { Id, PageLimit } from '../schemas';

const Text = (max: number) => z.string().max(max, `at most ${max} characters`);
/** Sample or preview values keyed by variable name (`1`, `first_name`) or key (`body.1`). */
const Values = z.record(Text(100), Text(1024));

const Components = z.object({
  header: z
    .object({
      format: z.enum(HEADER_FORMATS),
      text: Text(1000).optional(),
      examples: Values.optional(),
      mediaExample: Text(2048).optional(),
    })
    .nullish(),
  body: z.object({
    text: Text(4096).optional(),
    examples: Values.optional(),
    addSecurityRecommendation: z.boolean().optional(),
  }),
  footer: z
    .object({ text: Text(1000).optional(), codeExpirationMinutes: z.number().int().optional() })
    .nullish(),
  buttons: z
    .array(
      z.object({
        type: z.enum(BUTTON_TYPES),
        text: Text(200).optional(),
        url: Text(4000).optional(),
        example: Text(2000).optional(),
        phoneNumber: Text(40).optional(),
        otpType: z.enum(OTP_TYPES).optional(),
        supportedApps: z
          .array(z.object({ packageName: Text(255), signatureHash: Text(64) }))
          .max(5)
          .optional(),
      }),
    )
    .max(20, 'at most 20 buttons')
    .optional(),
}) satisfies z.ZodType<TemplateComponents>;

const Content = z.object({
  name: z.string().trim().min(1, 'name is required').max(600),
  language: z.string().trim().min(1, 'language is required').max(16),
  category: z.enum(TEMPLATE_CATEGORIES),
  parameterFormat: z.enum(PARAMETER_FORMATS).default('POSITIONAL'),
  components: Components,
}) satisfies z.ZodType<TemplateContent>;

const ByTemplate = z.object({ templateId: Id });

export const templatesRouter = {
  list: tenantProcedure('viewer')
    .input(
      z.object({
        status: z.array(z.enum(TEMPLATE_STATUSES)).max(TEMPLATE_STATUSES.length).optional(),
        category: z.enum(TEMPLATE_CATEGORIES).optional(),
        search: z.string().trim().max(100).optional(),
        accountId: Id.optional(),
        limit: PageLimit,
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => listTemplates(ctx.em, ctx.tenant.id, input)),
  byId: tenantProcedure('viewer')
    .input(ByTemplate)
    .query(({ ctx, input }) => templateById(ctx.em, ctx.tenant.id, input.templateId)),
  /**
   * Meta's rules without saving: problems by field, the variables to map and the rendered preview.
   * A mutation only so the template travels in a POST body (it can outgrow a URL); it stores nothing.
   */
  validate: tenantProcedure('member')
    .input(Content.extend({ values: Values.optional() }))
    .mutation(({ input: { values, ...content } }) => checkTemplate(content, values)),
  /** The message as WhatsApp shows it, for a saved template or an unsaved one (POST, like validate). */
  preview: tenantProcedure('viewer')
    .input(
      z
        .object({ templateId: Id.optional(), template: Content.optional(), values: Values.optional() })
        .refine((v) => (v.templateId === undefined) !== (v.template === undefined), {
          message: 'give either templateId or template',
          path: ['templateId'],
        }),
    )
    .mutation(({ ctx, input }) => previewTemplate(ctx.em, ctx.tenant.id, input, input.values)),
  createDraft: tenantProcedure('member')
    .input(Content.extend({ accountId: Id }))
    .mutation(({ ctx, input }) => createDraft(ctx.em, ctx.actor, input)),
  updateDraft: tenantProcedure('member')
    .input(Content.extend({ templateId: Id }))
    .mutation(({ ctx, input: { templateId, ...content } }) =>
      updateDraft(ctx.em, ctx.actor, templateId, content),
    ),
  submit: tenantProcedure('member')
    .input(ByTemplate)
    .mutation(({ ctx, input }) => submitTemplate(ctx.em, ctx.whatsapp, ctx.actor, input.templateId)),
  refresh: tenantProcedure('member')
    .input(ByTemplate)
    .mutation(({ ctx, input }) => refreshTemplate(ctx.em, ctx.whatsapp, ctx.actor, input.templateId)),
  /** Edit and resubmit: APPROVED (1 per 24 h, 10 per 30 days), REJECTED or PAUSED. */
  edit: tenantProcedure('member')
    .input(
      z.object({ templateId: Id, components: Components, category: z.enum(TEMPLATE_CATEGORIES).optional() }),
    )
    .mutation(({ ctx, input: { templateId, ...change } }) =>
      editTemplate(ctx.em, ctx.whatsapp, ctx.actor, templateId, change),
    ),
  delete: tenantProcedure('member')
    .input(ByTemplate)
    .mutation(({ ctx, input }) => deleteTemplate(ctx.em, ctx.whatsapp, ctx.actor, input.templateId)),
  /** Upserts the WABA's existing templates by name + language. */
  import: tenantProcedure('member')
    .input(z.object({ accountId: Id }))
    .mutation(({ ctx, input }) => importTemplates(ctx.em, ctx.whatsapp, ctx.actor, input.accountId)),
} satisfies TRPCRouterRecord;
