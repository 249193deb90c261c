import { z } from 'zod';
import { TENANT_ROLES } from '@dbulk/db';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email('email must be a valid email address'));
export const Password = z.string().min(10, 'password must be at least 10 characters').max(256);
export const Id = z.uuid();
export const Role = z.enum(TENANT_ROLES);
export const Reason = z.string().trim().min(1, 'reason is required').max(500);
export const PageLimit = z.number().int().min(1).max(100).default(25);
