/**
 * Meta's webhook fixtures shared by the whole project (../shared/meta/fixtures beside the
 * repository, /work/shared when the repository is a worktree elsewhere), and builders for the
 * shapes the fixtures do not cover. Tests only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@dbulk/config';

export const FIXTURE_WABA = '213900000000101';
export const FIXTURE_PHONE = '301500000000111';
export const FIXTURE_TEMPLATES = ['1729300000000101', '1729300000000102'] as const;

function fixturesDir(): string {
  const candidates = [path.join(findRepoRoot(), '..', 'shared', 'meta', 'fixtures'), '/work/shared/meta/fixtures'];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`Meta fixtures not found in ${candidates.join(' or ')}`);
  return found;
}

export const FIXTURES_DIR = fixturesDir();

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json')).sort();
}

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

export interface FixtureIds {
  wabaId: string;
  phoneNumberId: string;
  templateIds: readonly [string, string];
  /** Appended to every wamid, so rows of earlier runs never collide. */
  wamidTag: string;
}

/** A fixture body with its ids replaced, so each test owns its accounts, templates and messages. */
export function rewriteFixture(text: string, ids: FixtureIds): string {
  return text
    .replaceAll(FIXTURE_WABA, ids.wabaId)
    .replaceAll(FIXTURE_PHONE, ids.phoneNumberId)
    .replaceAll(FIXTURE_TEMPLATES[0], ids.templateIds[0])
    .replaceAll(FIXTURE_TEMPLATES[1], ids.templateIds[1])
    .replace(/"wamid\.([^"]+)"/g, `"wamid.${ids.wamidTag}.$1"`);
}

export function envelope(wabaId: string, changes: Array<{ field: string; value: unknown }>, time?: number): string {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: wabaId, ...(time === undefined ? {} : { time }), changes }] });
}

export function messagesValue(phoneNumberId: string, extra: Record<string, unknown>) {
  return { field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550101234', phone_number_id: phoneNumberId }, ...extra } };
}

export function status(id: string, state: string, timestamp: number, extra: Record<string, unknown> = {}) {
  return { id, status: state, timestamp: String(timestamp), recipient_id: '15550198762', ...extra };
}

export function preference(value: 'stop' | 'resume', timestamp: number, user: { wa_id?: string; user_id?: string } = { wa_id: '15550198762' }) {
  return { ...user, detail: 'User requested to stop marketing messages', category: 'marketing_messages', value, timestamp: String(timestamp) };
}
