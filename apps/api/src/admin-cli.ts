/**
 * The operator's command line: `node dist/cli.js create-admin --email … --password …` makes the
 * first platform admin (platform admins cannot sign up). Talks only to PostgreSQL.
 * @see https://nodejs.org/api/util.html#utilparseargsconfig
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '@dbulk/config';
import { createOrm } from '@dbulk/db';
import { ensurePlatformAdmin } from '@dbulk/domain-tenancy';
import { isAppError } from '@dbulk/errors';
import { rotateTokenKeys, createKeyring } from '@dbulk/domain-whatsapp';
import { loadCliEnv, loadRotateEnv } from './env';

export const USAGE = `Usage: node dist/cli.js <command> [options]

Commands:
  create-admin --email <email> --password <password> [--name <name>]
      Creates a platform admin, or makes an existing user one (and sets that password).
      Connects to DATABASE_URL. The password is never printed.

  rotate-encryption-key
      Re-seals every stored WhatsApp access token with ENCRYPTION_KEY. Set the new key as
      ENCRYPTION_KEY and the old one(s) in ENCRYPTION_KEYS_PREVIOUS, run this, then drop the
      old keys. Safe to run again; prints how many tokens were re-sealed.

Options:
  -h, --help   Show this help`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Where DATABASE_URL comes from; the process environment when omitted. */
  env?: Record<string, string | undefined>;
}

const consoleIo: CliIo = { out: (text) => console.log(text), err: (text) => console.error(text) };

/** Runs one command and resolves with the exit code (0 done, 1 failed, 2 usage error). */
export async function runCli(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === 'rotate-encryption-key') return rotateKeys(io);
  if (command !== 'create-admin') {
    io.err(command ? `unknown command "${command}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  let values: { email?: string; password?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.err(`create-admin: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (!values.email || !values.password) {
    io.err(`create-admin: --email and --password are required\n\n${USAGE}`);
    return 2;
  }
  if (!z.email().safeParse(values.email.trim()).success) {
    io.err(`create-admin: --email ${values.email} is not an email address`);
    return 2;
  }
  return createAdmin({ email: values.email, password: values.password, name: values.name }, io);
}

async function createAdmin(
  input: { email: string; password: string; name?: string },
  io: CliIo,
): Promise<number> {
  let env;
  try {
    env = loadCliEnv(io.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`create-admin: ${err.message}`);
    return 1;
  }
  const orm = await createOrm({ url: env.DATABASE_URL, poolMax: 1 });
  try {
    const { user, created } = await ensurePlatformAdmin(orm.em.fork(), input);
    io.out(
      created
        ? `created platform admin ${user.email} (user ${user.id})`
        : `${user.email} (user ${user.id}) is now a platform admin; its password was replaced`,
    );
    return 0;
  } catch (err) {
    if (!isAppError(err)) throw err;
    io.err(`create-admin: ${err.message}`);
    return 1;
  } finally {
    await orm.close(true);
  }
}

async function rotateKeys(io: CliIo): Promise<number> {
  let env;
  try {
    env = loadRotateEnv(io.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`rotate-encryption-key: ${err.message}`);
    return 1;
  }
  const keyring = createKeyring(env.ENCRYPTION_KEY, env.ENCRYPTION_KEYS_PREVIOUS);
  const orm = await createOrm({ url: env.DATABASE_URL, poolMax: 1 });
  try {
    const { resealed, current } = await rotateTokenKeys(orm.em.fork(), keyring);
    io.out(`re-sealed ${resealed} access token(s) with key ${current}`);
    return 0;
  } catch (err) {
    if (!isAppError(err)) throw err;
    io.err(`rotate-encryption-key: ${err.message}`);
    return 1;
  } finally {
    await orm.close(true);
  }
}
