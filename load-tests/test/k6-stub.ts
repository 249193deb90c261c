/**
 * Stands in for every `k6/*` module when vitest loads a scenario file (vitest.config.ts aliases
 * them here): the init context runs, so tests read the real `options`, and the adapter's calls
 * are played on Node (asyncRequest on fetch, hmac on node:crypto) and recorded in `recorded`,
 * so a test can drive a scenario's setup and iterations against a local server.
 */
import { createHmac } from 'node:crypto';

interface Recorded {
  checks: { name: string; ok: boolean }[];
  metrics: { name: string; value: number }[];
  requests: { method: string; url: string; tags: Record<string, string> }[];
}
// On globalThis: tests reset the module registry to reload scenarios, and must see one record.
const holder = globalThis as { k6StubRecorded?: Recorded };
export const recorded: Recorded = (holder.k6StubRecorded ??= { checks: [], metrics: [], requests: [] });

class Metric {
  constructor(readonly name: string) {}
  add(value: number): void {
    recorded.metrics.push({ name: this.name, value });
  }
}
export class Counter extends Metric {}
export class Gauge extends Metric {}
export class Rate extends Metric {}
export class Trend extends Metric {}

export function check<T>(value: T, sets: Record<string, (v: T) => boolean>): boolean {
  let all = true;
  for (const [name, fn] of Object.entries(sets)) {
    const ok = fn(value);
    recorded.checks.push({ name, ok });
    all &&= ok;
  }
  return all;
}
export const sleep = () => undefined;

/** k6 canonicalises header names (`Set-Cookie`) and parses cookies into `res.cookies`. */
async function asyncRequest(method: string, url: string, body: string | null, params: { headers: Record<string, string>; tags: Record<string, string> }) {
  recorded.requests.push({ method, url, tags: params.tags });
  const res = await fetch(url, { method, headers: params.headers, body });
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase())] = value));
  const cookies: Record<string, { name: string; value: string }[]> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at);
    (cookies[name] ??= []).push({ name, value: pair!.slice(at + 1) });
  }
  return { status: res.status, body: await res.text(), headers, cookies };
}

const vu = { idInTest: 1, iterationInScenario: 0 };
const scenario = { iterationInTest: 0 };
export const execution = { vu, scenario };
const hmac = (_alg: string, secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex');

export default { hmac, asyncRequest, vu, scenario };
