/**
 * A campaign's messages for the detail page (filter by status, error code, needs-review; keyset
 * paging by id) and the same rows as CSV, streamed page by page (the api serves it over plain
 * HTTP), so a campaign of any size exports in bounded memory.
 */
import { keysetCsv, type EntityManager, type MessageStatus } from '@dbulk/db';
import { ownCampaign } from './campaigns.repository';

export interface MessageDto {
  id: string;
  phone: string;
  status: MessageStatus;
  wamid: string | null;
  attempts: number;
  errorCode: number | null;
  errorTitle: string | null;
  reason: string | null;
  needsReview: boolean;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
}

export interface MessageQuery {
  status?: MessageStatus;
  errorCode?: number;
  needsReview?: boolean;
  cursor?: string;
  limit: number;
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

function toDto(row: Record<string, unknown>): MessageDto {
  return {
    id: String(row.id),
    phone: String(row.phone),
    status: row.status as MessageStatus,
    wamid: (row.wamid as string | null) ?? null,
    attempts: Number(row.attempts),
    errorCode: row.error_code === null ? null : Number(row.error_code),
    errorTitle: (row.error_title as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    needsReview: Boolean(row.needs_review),
    sentAt: iso(row.sent_at),
    deliveredAt: iso(row.delivered_at),
    readAt: iso(row.read_at),
    failedAt: iso(row.failed_at),
  };
}

async function select(em: EntityManager, campaignId: string, query: MessageQuery) {
  const where = ['campaign_id = ?::uuid'];
  const params: unknown[] = [campaignId];
  const filter = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  if (query.status) filter('status = ?', query.status);
  if (query.errorCode !== undefined) filter('error_code = ?', query.errorCode);
  if (query.needsReview !== undefined) filter('needs_review = ?', query.needsReview);
  if (query.cursor) filter('id > ?::bigint', query.cursor);
  params.push(query.limit + 1);
  const rows: Record<string, unknown>[] = await em.execute(
    `select id, phone, status, wamid, attempts, error_code, error_title, reason, needs_review, sent_at, delivered_at, read_at, failed_at
     from campaign_messages where ${where.join(' and ')} order by id limit ?`,
    params,
  );
  return rows;
}

export async function listMessages(
  em: EntityManager,
  tenantId: string,
  campaignId: string,
  query: MessageQuery,
): Promise<{ items: MessageDto[]; nextCursor: string | null }> {
  await ownCampaign(em, tenantId, campaignId);
  const rows = await select(em, campaignId, query);
  const page = rows.slice(0, query.limit).map(toDto);
  return { items: page, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

/** Rows read per keyset page while exporting. */
export const EXPORT_PAGE_ROWS = 5_000;
const COLUMNS = [
  'id',
  'phone',
  'status',
  'wamid',
  'attempts',
  'errorCode',
  'errorTitle',
  'reason',
  'needsReview',
  'sentAt',
  'deliveredAt',
  'readAt',
  'failedAt',
] as const;

/**
 * The campaign's messages as CSV lines (header first, CRLF-terminated), read in keyset pages of
 * EXPORT_PAGE_ROWS by the `(campaign_id, id)` index. Tenant-scoped: another tenant's campaign is
 * NOT_FOUND before anything is read.
 */
export async function exportMessagesCsv(
  em: EntityManager,
  tenantId: string,
  campaignId: string,
): Promise<{ fileName: string; lines: AsyncIterable<string> }> {
  const campaign = await ownCampaign(em, tenantId, campaignId);
  const slug =
    campaign.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'campaign';
  const lines = keysetCsv({
    header: COLUMNS,
    pageSize: EXPORT_PAGE_ROWS,
    fetch: async (after) => (await select(em, campaignId, { limit: EXPORT_PAGE_ROWS, ...(after ? { cursor: after } : {}) })).map(toDto),
    keyOf: (row) => row.id,
    cells: (row) => COLUMNS.map((c) => row[c]),
  });
  return { fileName: `${slug}-messages.csv`, lines };
}
