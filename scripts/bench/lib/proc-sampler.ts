/**
 * CPU and memory of the processes taking part in a run, from Linux /proc: CPU seconds as
 * utime + stime (for PostgreSQL the postmaster's own, its reaped children's — cutime + cstime —
 * and every live backend's, so backends that come and go are counted), and the peak resident
 * set sampled every `intervalMs` (PostgreSQL: Σ private RssAnon of its processes + the largest
 * shared mapping, so shared buffers count once).
 */
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux x86-64

interface Stat {
  ppid: number;
  comm: string;
  own: number;
  children: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')),
      own: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
      children: (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS,
    };
  } catch {
    return undefined;
  }
}

function statusKb(pid: number): Record<string, number> {
  try {
    const out: Record<string, number> = {};
    for (const m of readFileSync(`/proc/${pid}/status`, 'utf8').matchAll(/^(Vm\w+|Rss\w+):\s+(\d+) kB$/gm)) out[m[1]!] = Number(m[2]);
    return out;
  } catch {
    return {};
  }
}

const allPids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);

/** The PostgreSQL postmaster: a `postgres` process whose parent is not one (BENCH_POSTGRES_PID overrides). */
export function findPostmaster(): number | undefined {
  if (process.env.BENCH_POSTGRES_PID) return Number(process.env.BENCH_POSTGRES_PID);
  const masters = allPids().filter((pid) => stat(pid)?.comm === 'postgres' && stat(stat(pid)!.ppid)?.comm !== 'postgres');
  const system = masters.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('/var/lib/postgresql'));
  return system ?? masters[0];
}

export type Target = { name: string; pid: number; tree?: boolean };

function treeCpu(master: number): number {
  const m = stat(master);
  if (!m) return NaN;
  let total = m.own + m.children;
  for (const pid of allPids()) {
    const s = stat(pid);
    if (s && s.ppid === master) total += s.own;
  }
  return total;
}

function treeRssKb(master: number): number {
  let anon = 0;
  let shared = 0;
  for (const pid of [master, ...allPids().filter((p) => stat(p)?.ppid === master)]) {
    const s = statusKb(pid);
    anon += s.RssAnon ?? 0;
    shared = Math.max(shared, (s.RssShmem ?? 0) + (s.RssFile ?? 0));
  }
  return anon + shared;
}

export function cpuOf(target: Target): number {
  if (target.pid === process.pid) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
  return target.tree ? treeCpu(target.pid) : (stat(target.pid)?.own ?? NaN);
}

/** Samples every target's resident set; `stop()` returns the peaks in MiB. */
export function sampleRss(targets: Target[], intervalMs = 250) {
  const peaks = new Map<string, number>();
  const tick = () => {
    for (const t of targets) {
      const kb = t.tree ? treeRssKb(t.pid) : (statusKb(t.pid).VmRSS ?? 0);
      peaks.set(t.name, Math.max(peaks.get(t.name) ?? 0, kb));
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop(): Record<string, number> {
      clearInterval(timer);
      tick();
      return Object.fromEntries([...peaks].map(([name, kb]) => [name, Math.round(kb / 1024)]));
    },
  };
}

/** Machine-wide busy CPU seconds (all cores) from /proc/stat. */
export function machineBusySeconds(): number {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const f = cpu!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return (f.reduce((a, b) => a + b, 0) - idle) / CLOCK_TICKS;
}
