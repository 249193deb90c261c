import { describe, expect, it } from 'vitest';
import { AppError, CATEGORY_TABLE, ERROR_CATEGORIES, isAppError, notFound } from './app-error';

describe('AppError', () => {
  it('maps every category to a tRPC code and an HTTP status', () => {
    for (const category of ERROR_CATEGORIES) {
      const err = new AppError('X', category, 'x');
      expect(err.trpcCode).toBe(CATEGORY_TABLE[category].trpc);
      expect(err.httpStatus).toBeGreaterThanOrEqual(400);
    }
    expect(new AppError('X', 'forbidden', 'x').httpStatus).toBe(403);
    expect(new AppError('X', 'rate_limited', 'x').trpcCode).toBe('TOO_MANY_REQUESTS');
  });

  it('keeps code, message, details and cause', () => {
    const cause = new Error('db down');
    const err = notFound('TENANT_NOT_FOUND', 'tenant 42 does not exist', { details: { id: 42 }, cause });
    expect(isAppError(err)).toBe(true);
    expect(err.code).toBe('TENANT_NOT_FOUND');
    expect(err.message).toBe('tenant 42 does not exist');
    expect(err.details).toEqual({ id: 42 });
    expect(err.cause).toBe(cause);
    expect(isAppError(new Error('plain'))).toBe(false);
  });
});
