import { describe, expect, it } from 'vitest';
import { pauseCodeOf, pauseReason } from './campaign-pause';

describe('template changes that pause campaigns', () => {
  it('pauses for a paused or unusable template, not for sendable or pending ones', () => {
    expect(pauseCodeOf('PAUSED')).toBe('TEMPLATE_PAUSED');
    for (const status of ['DISABLED', 'DELETED', 'PENDING_DELETION', 'ARCHIVED'] as const) expect(pauseCodeOf(status)).toBe('TEMPLATE_DISABLED');
    for (const status of ['APPROVED', 'PENDING', 'IN_APPEAL', 'REJECTED'] as const) expect(pauseCodeOf(status)).toBeNull();
  });

  it('tells the tenant which template and what to do', () => {
    const t = { name: 'spring_sale', language: 'en_US' };
    expect(pauseReason('TEMPLATE_PAUSED', t, 'FIRST_PAUSE')).toBe('Paused: Meta paused template spring_sale (en_US) for low quality (FIRST_PAUSE). Resume once Meta unpauses it.');
    expect(pauseReason('TEMPLATE_DISABLED', t, null)).toBe('Paused: Meta disabled template spring_sale (en_US). Create a new template to continue.');
    expect(pauseReason('TEMPLATE_RECATEGORISED', t, 'MARKETING → UTILITY')).toMatch(/recategorised template spring_sale \(en_US\) \(MARKETING → UTILITY\); its price/);
  });
});
