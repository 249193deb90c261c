import { TemplateStatusUpdate } from '@dbulk/meta';
import { describe, expect, it } from 'vitest';
import { isStaleTemplateEvent, templateStatusEffect } from './template-events';

const effect = (value: Record<string, unknown>) => templateStatusEffect(TemplateStatusUpdate.parse({ message_template_id: 1, ...value }));

describe('templateStatusEffect', () => {
  it('approves with the category Meta assigned', () => {
    expect(effect({ event: 'APPROVED', reason: 'NONE', message_template_category: 'MARKETING' })).toEqual({ status: 'APPROVED', reason: null, category: 'MARKETING' });
  });

  it('rejects with the reason code, Meta’s explanation and its recommendation', () => {
    expect(effect({ event: 'REJECTED', reason: 'INVALID_FORMAT', rejection_info: { reason: 'Two variables touch.', recommendation: 'Add words between them.' } })).toMatchObject({
      status: 'REJECTED', reason: 'INVALID_FORMAT: Two variables touch. — Add words between them.',
    });
    expect(effect({ event: 'REJECTED', reason: 'PROMOTIONAL' }).reason).toBe('PROMOTIONAL');
  });

  it('pauses with the pause notice, and an UNPAUSE notice makes it sendable again', () => {
    expect(effect({ event: 'PAUSED', reason: null, other_info: { title: 'FIRST_PAUSE', description: 'paused for 3 hours' } })).toMatchObject({ status: 'PAUSED', reason: 'FIRST_PAUSE — paused for 3 hours' });
    expect(effect({ event: 'PAUSED', other_info: { title: 'UNPAUSE' } })).toMatchObject({ status: 'APPROVED' });
  });

  it('maps lifecycle events and keeps history-only events without a status', () => {
    expect(effect({ event: 'DISABLED', disable_info: { disable_date: '2026-01-01' } })).toMatchObject({ status: 'DISABLED', reason: 'disabled on 2026-01-01' });
    expect(effect({ event: 'REINSTATED' }).status).toBe('APPROVED');
    expect(effect({ event: 'IN_APPEAL' }).status).toBe('IN_APPEAL');
    expect(effect({ event: 'FLAGGED' }).status).toBeNull();
    expect(effect({ event: 'SOMETHING_NEW' }).status).toBeNull();
  });
});

describe('isStaleTemplateEvent', () => {
  it('is stale only when the row changed after the event, beyond the whole-second slack', () => {
    expect(isStaleTemplateEvent(new Date(10_000), null)).toBe(false);
    expect(isStaleTemplateEvent(new Date(10_000), new Date(11_500))).toBe(false);
    expect(isStaleTemplateEvent(new Date(10_000), new Date(60_000))).toBe(true);
  });
});
