/**
 * The campaign journey's recipients as the CSV a tenant uploads (`phone,name`), and the upload
 * request (`POST /uploads/contacts`, streamed by the api into the import). German mobile numbers
 * (+49 151 + 8 digits: never the US, whose marketing Meta refuses) unique per VU and iteration.
 * Plain module.
 */
import type { RequestSpec } from '../client.ts';
import type { LoadConfig } from '../config.ts';
import { SESSION_COOKIE } from '../trpc.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function recipientPhone(vu: number, iteration: number, index: number): string {
  return `+49151${pad(vu % 100, 2)}${pad(iteration % 100, 2)}${pad(index % 10_000, 4)}`;
}

export function recipientsCsv(count: number, vu: number, iteration: number): string {
  const lines = ['phone,name'];
  for (let i = 0; i < count; i++) lines.push(`${recipientPhone(vu, iteration, i)},Load ${i}`);
  return `${lines.join('\n')}\n`;
}

export function uploadRequest(cfg: LoadConfig, session: string, listId: string, csv: string): RequestSpec {
  const query = [
    ['fileName', 'load.csv'],
    ['listId', listId],
    ['mapping', JSON.stringify({ phone: 'phone', name: 'name' })],
  ]
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&');
  return {
    method: 'POST',
    url: `${cfg.apiUrl}/uploads/contacts?${query}`,
    headers: { 'content-type': 'text/csv', origin: cfg.origin, cookie: `${SESSION_COOKIE}=${session}`, accept: 'application/json' },
    body: csv,
    endpoint: 'contacts_upload',
  };
}
