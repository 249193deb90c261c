/**
 * Entry point of `node dist/cli.js`; the commands live in commands.ts so tests can run them.
 */
import { runCli } from './commands';

process.exitCode = await runCli(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  return 1;
});
