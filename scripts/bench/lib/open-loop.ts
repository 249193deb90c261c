/**
 * A constant-arrival-rate (open model) load generator on undici: request i is due at
 * start + i/rate whatever happened to the earlier ones, so a slow server meets a growing queue,
 * as it would with Meta, instead of a politely slowing client. Latency is measured from the
 * moment a request was due (coordinated omission corrected) and, for reference, from the moment
 * it was written. Why not autocannon's `overallRate`: it releases each connection's per-second
 * quota as fast as it can and then idles, so "2,000 req/s" arrives as ~100 ms bursts once a
 * second (measured in docs/benchmarks.md); autocannon is used for the closed-loop maximum.
 * @see https://undici.nodejs.org/#/docs/api/Pool
 */
import { Pool } from 'undici';
import type { BenchPayload } from './payloads';

export interface StepOptions {
  origin: string;
  path: string;
  rate: number;
  durationS: number;
  payloads: BenchPayload[];
  connections: number;
  /** Past this many requests outstanding the generator stops issuing (the server is drowning). */
  maxOutstanding: number;
  onProgress?: (progress: StepProgress) => void;
}

export interface StepProgress {
  elapsedS: number;
  sent: number;
  done: number;
  outstanding: number;
  non2xx: number;
  errors: number;
}

export interface StepResult {
  offered: number;
  achieved: number;
  sent: number;
  completed: number;
  ok: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  /** From when the request was due (what a sender like Meta sees). */
  latencyMs: Percentiles;
  /** From when the request was written to the socket. */
  serviceMs: Percentiles;
  /** Not issued because maxOutstanding requests were already waiting. */
  skipped: number;
  /** How late the generator itself issued requests (its own saturation). */
  lagMs: Percentiles;
  durationS: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]!) };
}

export async function runStep(options: StepOptions): Promise<StepResult> {
  const { origin, path, rate, durationS, payloads, connections, maxOutstanding } = options;
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const latencies: number[] = [];
  const service: number[] = [];
  const lags: number[] = [];
  const statusCodes: Record<string, number> = {};
  let sent = 0; // indices dealt with: fired or skipped
  let fired = 0;
  let done = 0;
  let lastOkEnd = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let skipped = 0;
  const total = Math.round(rate * durationS);
  const interval = 1000 / rate;
  const start = performance.now() + 5;

  const fire = (index: number) => {
    const due = start + index * interval;
    const payload = payloads[index % payloads.length]!;
    const written = performance.now();
    lags.push(written - due);
    pool
      .request({ origin, path, method: 'POST', headers: payload.headers, body: payload.body })
      .then(async (response) => {
        await response.body.dump();
        const end = performance.now();
        done += 1;
        statusCodes[response.statusCode] = (statusCodes[response.statusCode] ?? 0) + 1;
        if (response.statusCode >= 200 && response.statusCode < 300) {
          ok += 1;
          lastOkEnd = end;
        } else non2xx += 1;
        latencies.push(end - due);
        service.push(end - written);
      })
      .catch(() => {
        done += 1;
        errors += 1;
      });
  };

  await new Promise<void>((resolve) => {
    let lastReport = 0;
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - start) / interval) + 1);
      while (sent < due) {
        if (fired - done >= maxOutstanding) {
          skipped += due - sent;
          sent = due;
          break;
        }
        fire(sent);
        sent += 1;
        fired += 1;
      }
      if (options.onProgress && now - lastReport >= 2_000) {
        lastReport = now;
        options.onProgress({ elapsedS: (now - start) / 1000, sent, done, outstanding: fired - done, non2xx, errors });
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 1);
  });
  const issuedAt = performance.now();
  // Let the stragglers finish (bounded), so their latency counts.
  while (done < fired && performance.now() - issuedAt < 10_000) await new Promise((resolve) => setTimeout(resolve, 5));
  const elapsed = (performance.now() - start) / 1000;
  const busyS = Math.max(durationS, (lastOkEnd - start) / 1000);
  await pool.destroy();
  return {
    offered: rate,
    achieved: Math.round(ok / busyS),
    sent: fired,
    completed: done,
    ok,
    non2xx,
    statusCodes,
    errors,
    skipped,
    latencyMs: percentiles(latencies),
    serviceMs: percentiles(service),
    lagMs: percentiles(lags),
    durationS: Math.round(elapsed * 10) / 10,
  };
}
