import { AccountUpdate } from '@dbulk/meta';
import { describe, expect, it } from 'vitest';
import { accountEventEffect } from './account-events';

const effect = (value: Record<string, unknown>) => accountEventEffect(AccountUpdate.parse(value));

describe('accountEventEffect', () => {
  it('breaks the connection on a restriction, naming each restriction and when it ends', () => {
    const result = effect({
      event: 'ACCOUNT_RESTRICTION',
      restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1767904800, remediation: 'Review your practices.' }],
    });
    expect(result).toEqual({ status: 'broken', reason: 'Meta restricted this WhatsApp Business Account (RESTRICTED_BIZ_INITIATED_MESSAGING until 2026-01-08T20:40:00.000Z): Review your practices.' });
  });

  it.each(['PARTNER_APP_UNINSTALLED', 'PARTNER_REMOVED', 'ACCOUNT_DELETED', 'ACCOUNT_OFFBOARDED'])('breaks the connection on %s', (event) => {
    expect(effect({ event })).toMatchObject({ status: 'broken', reason: expect.any(String) });
  });

  it('breaks on a DISABLE ban and reconnects on REINSTATE (string or list)', () => {
    expect(effect({ event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'DISABLE', waba_ban_date: '2026-01-02' } })).toEqual({ status: 'broken', reason: 'Meta disabled this WhatsApp Business Account on 2026-01-02' });
    expect(effect({ event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: ['REINSTATE'] } })).toMatchObject({ status: 'connected' });
    expect(effect({ event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: ['SCHEDULE_FOR_DISABLE'] } })).toMatchObject({ status: null });
  });

  it('reconnects on ACCOUNT_RECONNECTED and only records the rest', () => {
    expect(effect({ event: 'ACCOUNT_RECONNECTED' })).toMatchObject({ status: 'connected' });
    expect(effect({ event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SCAM' } })).toEqual({ status: null, reason: 'violation SCAM: recorded, the connection is unchanged' });
    expect(effect({ event: 'VOLUME_BASED_PRICING_TIER_UPDATE' })).toMatchObject({ status: null });
  });
});
