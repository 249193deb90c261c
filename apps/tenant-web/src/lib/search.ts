/** Search-param schemas shared by routes and the places that link to them. */
import { z } from 'zod';

/** `/sign-in?redirect=/members` — where to return after signing in (checked again by safeRedirectPath). */
export const signInSearchSchema = z.object({
  redirect: z.string().max(2000).optional().catch(undefined),
});
export type SignInSearch = z.infer<typeof signInSearchSchema>;

/** `/sign-up?invitation=<token>` — sign up into an invited tenant instead of creating one. */
export const signUpSearchSchema = z.object({
  invitation: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,200}$/)
    .optional()
    .catch(undefined),
});
export type SignUpSearch = z.infer<typeof signUpSearchSchema>;

/** `/templates?status=approved&q=order&number=<accountId>&page=2` — the templates list's filters. */
export const TEMPLATE_STATUS_FILTERS = ['all', 'draft', 'pending', 'approved', 'rejected', 'paused', 'disabled'] as const;
export const templatesSearchSchema = z.object({
  status: z.enum(TEMPLATE_STATUS_FILTERS).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  number: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TemplatesSearch = z.infer<typeof templatesSearchSchema>;

/** `/templates/new?accountId=<id>` — start a template on a given number. */
export const newTemplateSearchSchema = z.object({
  accountId: z.uuid().optional().catch(undefined),
});
