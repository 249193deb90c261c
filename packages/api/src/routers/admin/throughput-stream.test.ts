import { describe, expect, it } from 'vitest';
import { toSample } from './throughput-stream';

const at = '2026-11-25T10:00:00.000Z';

describe('toSample', () => {
  it('keeps sender.throughput events as samples', () => {
    expect(toSample({ tenantId: 't', type: 'sender.throughput', at, data: { phoneNumberId: '1', sent: 5, windowMs: 1_020, rate: 40.5 } })).toEqual({
      phoneNumberId: '1', tenantId: 't', sent: 5, windowMs: 1_020, rate: 40.5, at,
    });
  });

  it('ignores other events and malformed samples, and defaults a missing window to a second', () => {
    expect(toSample({ tenantId: 't', type: 'campaign.progress', at, data: { phoneNumberId: '1', sent: 5 } })).toBeNull();
    expect(toSample({ tenantId: 't', type: 'sender.throughput', at, data: { sent: 5 } })).toBeNull();
    expect(toSample({ tenantId: 't', type: 'sender.throughput', at, data: { phoneNumberId: '1', sent: 5 } })).toMatchObject({ windowMs: 1_000, rate: null });
  });
});
