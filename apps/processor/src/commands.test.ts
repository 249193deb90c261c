import { describe, expect, it } from 'vitest';
import { parseSince, runCli, USAGE } from './commands';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), env } };
}

describe('runCli', () => {
  it('prints the usage on --help and for no command', async () => {
    const help = io();
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out).toEqual([USAGE]);
    const none = io();
    expect(await runCli([], none.io)).toBe(2);
  });

  it('rejects unknown commands, options and bad values with exit code 2', async () => {
    for (const argv of [['replay-everything'], ['replay-dlq', '--force'], ['replay-dlq', '--limit', '0'], ['replay-unroutable', '--since', 'yesterday'], ['replay-dlq', '--since', '1d']]) {
      const run = io();
      expect(await runCli(argv, run.io), argv.join(' ')).toBe(2);
      expect(run.err.join('\n')).not.toBe('');
    }
  });

  it('names the missing Kafka brokers', async () => {
    const run = io();
    expect(await runCli(['replay-dlq'], run.io)).toBe(1);
    expect(run.err.join('\n')).toMatch(/KAFKA_BROKERS is required/);
  });
});

describe('parseSince', () => {
  const now = new Date('2026-01-10T00:00:00Z');
  it('reads durations before now and ISO times', () => {
    expect(parseSince('7d', now)).toEqual(new Date('2026-01-03T00:00:00Z'));
    expect(parseSince('24h', now)).toEqual(new Date('2026-01-09T00:00:00Z'));
    expect(parseSince('90m', now)).toEqual(new Date('2026-01-09T22:30:00Z'));
    expect(parseSince('2026-01-05T12:00:00Z', now)).toEqual(new Date('2026-01-05T12:00:00Z'));
    expect(parseSince('soon', now)).toBeUndefined();
  });
});
