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
