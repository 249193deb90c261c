import { describe, expect, it } from 'vitest';
import { buildRoutingIndex, routeChange, type LiveAccount } from './routing';

const account = (id: string, tenantId: string, wabaId: string, phoneNumberId: string, displayPhoneNumber: string | null = null): LiveAccount => ({
  id, tenantId, wabaId, phoneNumberId, displayPhoneNumber, status: 'connected',
});

const index = buildRoutingIndex([
  account('a1', 't1', 'W1', 'P1', '+1 555-010-1234'),
  account('a2', 't1', 'W1', 'P2', '15550105678'),
  account('a3', 't2', 'W2', 'P3'),
  account('a4', 't3', 'W3', 'P4'),
  account('a5', 't4', 'W3', 'P5'),
]);

const change = (kind: string, wabaId: string, phoneNumberId?: string, displayPhoneNumber?: string) =>
  ({ kind, wabaId, phoneNumberId, displayPhoneNumber }) as Parameters<typeof routeChange>[0];

describe('routeChange', () => {
  it('routes a status by its phone number id', () => {
    expect(routeChange(change('status', 'W1', 'P2'), index)).toMatchObject({ ok: true, tenantId: 't1', by: 'phone_number_id', accounts: [{ id: 'a2' }] });
  });

  it('falls back to the WABA when the number is not connected and one tenant owns the WABA', () => {
    expect(routeChange(change('inbound', 'W2', 'P9'), index)).toMatchObject({ ok: true, tenantId: 't2', by: 'waba_id' });
    expect(routeChange(change('system_error', 'W2'), index)).toMatchObject({ ok: true, tenantId: 't2' });
  });

  it('leaves a change unroutable when nobody owns the number or the WABA, with the reason', () => {
    expect(routeChange(change('status', 'W9', 'P9'), index)).toEqual({ ok: false, reason: 'phone number id P9 is not connected and no live WhatsApp account has WABA W9' });
  });

  it('does not guess between tenants sharing a WABA for a number-level change', () => {
    expect(routeChange(change('user_preference', 'W3', 'P9'), index)).toMatchObject({ ok: false, reason: expect.stringContaining('shared by 2 tenants') });
  });

  it('routes WABA-level changes to every live account of the WABA, naming the tenant only when there is one', () => {
    expect(routeChange(change('template_status', 'W1'), index)).toMatchObject({ ok: true, tenantId: 't1', tenantIds: ['t1'], accounts: [{ id: 'a1' }, { id: 'a2' }] });
    expect(routeChange(change('account', 'W3'), index)).toMatchObject({ ok: true, tenantId: null, tenantIds: ['t3', 't4'] });
    expect(routeChange(change('capability', 'W9'), index)).toMatchObject({ ok: false });
  });

  it('routes phone quality by display number within the WABA, ignoring formatting', () => {
    expect(routeChange(change('phone_quality', 'W1', undefined, '15550101234'), index)).toMatchObject({ ok: true, by: 'display_phone_number', accounts: [{ id: 'a1' }] });
    expect(routeChange(change('phone_quality', 'W1', undefined, '15550109999'), index)).toMatchObject({ ok: false, reason: expect.stringContaining('display number 15550109999') });
    expect(routeChange(change('phone_quality', 'W1'), index)).toMatchObject({ ok: true, accounts: [{ id: 'a1' }, { id: 'a2' }] });
  });
});
