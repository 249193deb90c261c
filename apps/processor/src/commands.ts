/**
 * The processor's operator commands (`node dist/cli.js …`, or `npx tsx src/cli.ts …`):
 * replaying the webhook DLQ and unroutable webhook events. Kept apart from cli.ts so tests run
 * them with their own environment and output.
 * @see https://nodejs.org/api/util.html#utilparseargsconfig
 * @see docs/runbooks/webhooks.md
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '@dbulk/config';
import { createOrm } from '@dbulk/db';
import { createKafka, kafkaConnection } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { loadCliEnv, type CliEnv } from './env';
import { replayDlq } from './replay-dlq';
import { replayUnroutable } from './replay-unroutable';

export const USAGE = `Usage: node dist/cli.js <command> [options]

Commands:
  replay-dlq [--limit N] [--dry-run]
      Re-produces the records in dbulk.webhooks.dlq to dbulk.webhooks, oldest first, and commits
      (group processor.replay-dlq), so the next run starts after them. --dry-run only lists.
  replay-unroutable [--since 7d|24h|<ISO time>] [--limit N] [--dry-run]
      Re-produces webhook_events rows left unroutable (default: the last 30 days) whose phone
      number or WABA is connected now. Needs DATABASE_URL.

Environment: KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, DATABASE_URL, LOG_LEVEL (default warn).
Options:
  -h, --help   Show this help`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env?: Record<string, string | undefined>;
  /** Tests: their own replay group. */
  groupPurpose?: string;
}

const consoleIo: CliIo = { out: (text) => console.log(text), err: (text) => console.error(text) };

const DURATION = /^(\d+)([dhm])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** `7d`, `24h`, `90m` before now, or an ISO time; undefined when it is neither. */
export function parseSince(text: string, now = new Date()): Date | undefined {
  const match = DURATION.exec(text);
  if (match) return new Date(now.getTime() - Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
  const date = new Date(text);
  return /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(date.getTime()) ? date : undefined;
}

function positive(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** Runs one command and resolves with the exit code (0 done, 1 failed, 2 usage error). */
export async function runCli(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || ['-h', '--help', 'help'].includes(command)) {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'replay-dlq' && command !== 'replay-unroutable') {
    io.err(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let values: { limit?: string; since?: string; 'dry-run'?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: { limit: { type: 'string' }, 'dry-run': { type: 'boolean' }, since: { type: 'string' } },
    }));
    if (command === 'replay-dlq' && values.since !== undefined) throw new Error('--since applies to replay-unroutable only');
  } catch (err) {
    io.err(`${command}: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const limit = positive(values.limit);
  if (limit === null) {
    io.err(`${command}: --limit must be a positive whole number, got ${values.limit}`);
    return 2;
  }
  const since = values.since === undefined ? parseSince('30d') : parseSince(values.since);
  if (!since) {
    io.err(`${command}: --since must be like 7d, 24h, 90m or an ISO time, got ${values.since}`);
    return 2;
  }
  let env: CliEnv;
  try {
    env = loadCliEnv(io.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`${command}: ${err.message}`);
    return 1;
  }
  const logger = createLogger({ name: 'processor-cli', level: env.LOG_LEVEL });
  const kafka = createKafka({ ...kafkaConnection(env), clientId: `${env.KAFKA_CLIENT_ID}-processor-cli`, logger, retry: { retries: 3 } });
  const dryRun = values['dry-run'] ?? false;
  const common = { kafka, logger, topicPrefix: env.KAFKA_TOPIC_PREFIX, dryRun, out: io.out };
  if (command === 'replay-dlq') {
    await replayDlq({ ...common, ...(limit ? { limit } : {}), ...(io.groupPurpose ? { groupPurpose: io.groupPurpose } : {}) });
    return 0;
  }
  if (!env.DATABASE_URL) {
    io.err('replay-unroutable: DATABASE_URL is required but not set');
    return 1;
  }
  const orm = await createOrm({ url: env.DATABASE_URL, poolMax: 2 });
  try {
    await replayUnroutable({ ...common, orm, since, limit: limit ?? 10_000 });
    return 0;
  } finally {
    await orm.close(true);
  }
}
