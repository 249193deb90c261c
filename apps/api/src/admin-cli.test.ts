import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from './admin-cli';

function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    io: { out: (t: string) => lines.out.push(t), err: (t: string) => lines.err.push(t), env: {} },
  };
}

describe('cli', () => {
  it('prints the help', async () => {
    const { lines, io } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(lines.out).toEqual([USAGE]);
  });

  it('rejects an unknown command with the usage', async () => {
    const { lines, io } = capture();
    expect(await runCli(['drop-everything'], io)).toBe(2);
    expect(lines.err[0]).toMatch(/^unknown command "drop-everything"/);
  });

  it('requires --email and --password', async () => {
    const { lines, io } = capture();
    expect(await runCli(['create-admin', '--email', 'a@b.test'], io)).toBe(2);
    expect(lines.err[0]).toMatch(/--email and --password are required/);
  });

  it('rejects something that is not an email address', async () => {
    const { lines, io } = capture();
    expect(
      await runCli(['create-admin', '--email', 'root', '--password', 'a long enough password'], io),
    ).toBe(2);
    expect(lines.err[0]).toBe('create-admin: --email root is not an email address');
  });

  it('rejects an unknown option', async () => {
    const { lines, io } = capture();
    expect(await runCli(['create-admin', '--emial', 'a@b.test'], io)).toBe(2);
    expect(lines.err[0]).toMatch(/Unknown option '--emial'/);
  });

  it('names the missing DATABASE_URL without connecting', async () => {
    const { lines, io } = capture();
    expect(
      await runCli(['create-admin', '--email', 'a@b.test', '--password', 'a long enough password'], io),
    ).toBe(1);
    expect(lines.err[0]).toMatch(/DATABASE_URL is required/);
    expect(lines.err.join('\n')).not.toContain('a long enough password');
  });
});
