import { describe, expect, it } from 'vitest';
import { describeAuditAction, describeAuditItem, mergeFeed } from './describe-audit';

describe('describeAuditAction', () => {
  it('uses phrases for known actions', () => {
    expect(describeAuditAction('member.invited')).toBe('invited a member');
    expect(describeAuditAction('tenant.created')).toBe('created the tenant');
    expect(describeAuditAction('whatsapp.account.connected')).toBe('connected a WhatsApp number');
    expect(describeAuditAction('template.submitted')).toBe('submitted a template for review');
  });

  it('spells out unknown actions instead of hiding them', () => {
    expect(describeAuditAction('campaign.startedNow')).toBe('started now (campaign)');
    expect(describeAuditAction('contacts.list.imported')).toBe('imported (contacts list)');
    expect(describeAuditAction('login_failed')).toBe('login failed');
  });
});

describe('describeAuditItem', () => {
  it('names the invitee and the role given', () => {
    expect(describeAuditItem({ action: 'member.invited', changes: { after: { email: 'bob@x.test', role: 'admin' } } })).toBe(
      'invited bob@x.test as admin',
    );
    expect(describeAuditItem({ action: 'member.role_changed', changes: { before: { role: 'admin' }, after: { role: 'viewer' } } })).toBe(
      'changed a member’s role to viewer',
    );
  });

  it('falls back to the phrase when changes are missing or odd', () => {
    expect(describeAuditItem({ action: 'member.invited', changes: null })).toBe('invited a member');
    expect(describeAuditItem({ action: 'member.role_changed', changes: { after: 'x' } })).toBe('changed a member’s role');
  });
});

describe('mergeFeed', () => {
  const item = (id: string, minute: number) => ({ id, createdAt: `2025-11-25T12:${String(minute).padStart(2, '0')}:00Z` });

  it('orders newest first and keeps each id once', () => {
    const merged = mergeFeed([item('c', 3), item('b', 2)], [item('b', 2), item('a', 1)]);
    expect(merged.map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('caps the list', () => {
    const many = Array.from({ length: 10 }, (_, i) => item(String(i), i));
    expect(mergeFeed(many, [], 3).map((i) => i.id)).toEqual(['9', '8', '7']);
  });
});
