import { describe, expect, it } from 'vitest';
import type { TemplateVersion } from '@dbulk/db';
import { approvedEditBlock, nameBlockedUntil, NAME_BLOCK_MS } from './templates.repository';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 25, 12);
const edit = (hoursAgo: number, event = 'edited_approved') =>
  ({ event, createdAt: new Date(now - hoursAgo * HOUR) }) as TemplateVersion;

describe('approved edit limits', () => {
  it('allows the first edit and edits of rejected or paused templates', () => {
    expect(approvedEditBlock([], now)).toBeNull();
    expect(approvedEditBlock([edit(1, 'edited'), edit(2, 'edited')], now)).toBeNull();
    expect(approvedEditBlock([edit(25)], now)).toBeNull();
  });

  it('blocks a second edit within 24 hours until the first is a day old', () => {
    const block = approvedEditBlock([edit(3)], now);
    expect(block?.why).toMatch(/1 edit of an approved template per 24 hours/);
    expect(block?.next.getTime()).toBe(now + 21 * HOUR);
  });

  it('blocks the 11th edit in 30 days until the oldest leaves the window', () => {
    const ten = Array.from({ length: 10 }, (_, i) => edit(48 + i * 48));
    const block = approvedEditBlock(ten, now);
    expect(block?.why).toMatch(/10 edits of an approved template per 30 days/);
    expect(block?.next.getTime()).toBe(now - (48 + 9 * 48) * HOUR + 30 * 24 * HOUR);
  });
});

describe('name block after deleting an approved template', () => {
  it('lasts 30 days from the deletion, and only when it was approved', () => {
    const at = new Date(now);
    expect(
      nameBlockedUntil('DELETED', [
        { event: 'deleted_approved', createdAt: at } as TemplateVersion,
      ])?.getTime(),
    ).toBe(now + NAME_BLOCK_MS);
    expect(nameBlockedUntil('DELETED', [{ event: 'deleted', createdAt: at } as TemplateVersion])).toBeNull();
    expect(
      nameBlockedUntil('APPROVED', [{ event: 'deleted_approved', createdAt: at } as TemplateVersion]),
    ).toBeNull();
  });
});
