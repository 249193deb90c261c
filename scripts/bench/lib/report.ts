/** Machine facts, process CPU and the Markdown summary of a benchmark run. */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClosedLoopResult } from './closed-loop';
import type { StepResult } from './open-loop';
import type { ServerView } from './server-metrics';

export interface TargetReport {
  name: string;
  steps: (StepResult & { serverCpu: number; kafkaCpu: number | undefined; meetsSlo: boolean; loadavg1: number; server: ServerView | undefined })[];
  closed: ClosedLoopResult;
}

const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux x86-64

/** User + system CPU seconds a process has used (Linux /proc). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

export function machine(root: string) {
  const debian = existsSync('/etc/debian_version') ? readFileSync('/etc/debian_version', 'utf8').trim() : undefined;
  const kafkaVersionFile = path.join(root, '.data', 'pids', 'kafka.version');
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: debian ? `Debian ${debian}` : `${os.type()} ${os.release()}`,
    node: process.version,
    kafka: existsSync(kafkaVersionFile) ? readFileSync(kafkaVersionFile, 'utf8').trim() : undefined,
    loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

interface RunSummary {
  started: string;
  command: string;
  machine: ReturnType<typeof machine> & { loadavgAfter: number[] };
  slo: { p99Ms: number; minDelivered: number };
  stepSeconds: number;
  ingestEnv: Record<string, string>;
  mix: { avgBytes: number; updatesPerRequest: number };
  reports: TargetReport[];
  onTopic: number | undefined;
  ingestOk: number;
  ingestMetrics: Record<string, number>;
}

const pct = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : `${Math.round(n * 100)} %`);

/** The highest offered rate that met the SLO, and the best rate sustained without errors. */
export function knee(report: TargetReport) {
  const meeting = report.steps.filter((s) => s.meetsSlo);
  const sustained = report.steps.filter((s) => s.non2xx + s.errors + s.skipped === 0 && s.achieved >= 0.95 * s.offered);
  return {
    slo: meeting.length ? Math.max(...meeting.map((s) => s.offered)) : 0,
    sustained: sustained.length ? Math.max(...sustained.map((s) => s.achieved)) : 0,
  };
}

export function summarise(run: RunSummary): string {
  const m = run.machine;
  const lines = [
    `### Run of ${run.started.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel ?? 'CPU'}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, Kafka ${m.kafka ?? '?'} (single broker, same machine); load average ${m.loadavg.join(' / ')} before, ${m.loadavgAfter.join(' / ')} after.`,
    `Command: \`npx tsx ${run.command}\`${Object.keys(run.ingestEnv).length ? ` with ${Object.entries(run.ingestEnv).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}; ${run.stepSeconds} s per step; payloads average ${run.mix.avgBytes} bytes, ${run.mix.updatesPerRequest} updates per request.`,
    '',
    '| server | offered req/s | achieved req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors | server CPU | Kafka CPU | ingest\'s own p99 | load (1 min) | SLO |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const report of run.reports) {
    for (const s of report.steps) {
      lines.push(
        `| ${report.name} | ${s.offered} | ${s.achieved} | ${s.latencyMs.p50} | ${s.latencyMs.p95} | ${s.latencyMs.p99} | ${s.latencyMs.max} | ${s.non2xx} | ${s.errors + s.skipped} | ${pct(s.serverCpu)} | ${pct(s.kafkaCpu)} | ${s.server ? `≤ ${s.server.p99LeMs}` : '–'} | ${s.loadavg1.toFixed(1)} | ${s.meetsSlo ? 'yes' : 'no'} |`,
      );
    }
  }
  lines.push('', '| server | knee (highest rate meeting the SLO) | best sustained req/s | closed-loop max req/s (autocannon) | closed-loop p50 / p99 ms |', '|---|---:|---:|---:|---:|');
  for (const report of run.reports) {
    const k = knee(report);
    lines.push(`| ${report.name} | ${k.slo} | ${k.sustained} | ${report.closed.requestsPerSecond} | ${report.closed.latencyMs.p50} / ${report.closed.latencyMs.p99} |`);
  }
  const bare = run.reports.find((r) => r.name === 'bare');
  const ingest = run.reports.find((r) => r.name === 'ingest');
  if (bare && ingest) {
    const ratio = (a: number, b: number) => (b > 0 ? `${Math.round((a / b) * 100)} %` : '–');
    lines.push(
      '',
      `Ingest / bare: knee ${ratio(knee(ingest).slo, knee(bare).slo)}, best sustained ${ratio(knee(ingest).sustained, knee(bare).sustained)}, closed-loop max ${ratio(ingest.closed.requestsPerSecond, bare.closed.requestsPerSecond)}.`,
    );
  }
  if (ingest) {
    const at3300 = ingest.steps.find((s) => s.offered === 3300);
    lines.push(
      `Target (3,300 req/s, p99 ≤ ${run.slo.p99Ms} ms, no non-2xx): ${at3300 ? (at3300.meetsSlo ? 'met' : 'MISSED') : 'not measured'}${at3300 ? ` (p99 ${at3300.latencyMs.p99} ms, non-2xx ${at3300.non2xx})` : ''}.`,
      `Kafka: ${run.onTopic ?? '?'} records on the topic for ${run.ingestOk} answers 200 (warm-up excluded); ingest sent ${run.ingestMetrics.batches} batches, ${run.ingestMetrics.recordsPerBatch} records per batch on average, ${Math.round(run.ingestMetrics.produceSecondsAvg! * 1e4) / 10} ms per acknowledged send.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
