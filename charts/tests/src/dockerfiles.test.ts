import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { argsOf, parseDockerfile } from './dockerfile';
import { REPO, find, render } from './helm';

/** Every image the chart runs, with its Deployment (the planner shares the sender image). */
const IMAGES = [
  { app: 'api', deployment: 'api' },
  { app: 'ingest', deployment: 'ingest' },
  { app: 'sender', deployment: 'sender' },
  { app: 'processor', deployment: 'processor' },
  { app: 'meta-sandbox', deployment: 'meta-sandbox' },
  { app: 'tenant-web', deployment: 'tenant-web' },
  { app: 'admin-web', deployment: 'admin-web' },
];
const manifests = render({ set: { 'metaSandbox.enabled': true, 'config.nodeEnv': 'development' } });
const dockerfile = (app: string) => parseDockerfile(readFileSync(path.join(REPO, 'apps', app, 'Dockerfile'), 'utf8'));

describe.each(IMAGES)('apps/$app/Dockerfile', ({ app, deployment }) => {
  const { stages } = dockerfile(app);
  const runtime = stages.at(-1)!;
  const container = find(manifests, 'Deployment', `dbulk-${deployment}`).spec.template.spec.containers[0];

  it('is multi-stage on a current Node LTS slim base, building with Nx', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.base).toMatch(/^node:(22|24)-slim$/);
    expect(argsOf(stages[0]!, 'RUN').join(' ')).toContain(`npx nx run ${app}:build`);
  });

  it('runs as the unprivileged node user, matching the chart\'s runAsUser 1000', () => {
    expect(argsOf(runtime, 'USER')).toEqual(['node']);
    expect(find(manifests, 'Deployment', `dbulk-${deployment}`).spec.template.spec.securityContext.runAsUser).toBe(1000);
  });

  it('ships production dependencies only and no sources', () => {
    const copies = argsOf(runtime, 'COPY');
    expect(copies.every((c) => c.startsWith('--from='))).toBe(true);
    expect(copies.some((c) => /\s\.\s+\.$/.test(c))).toBe(false);
    expect(argsOf(runtime, 'RUN')).toEqual([]);
    const installs = stages.flatMap((s) => argsOf(s, 'RUN')).filter((r) => r.includes('npm ci'));
    const depsSources = copies.filter((c) => c.includes('node_modules')).map((c) => /--from=(\S+)/.exec(c)![1]);
    for (const source of depsSources) expect(argsOf(stages.find((s) => s.name === source)!, 'RUN').join(' ')).toMatch(/npm ci --omit=dev/);
    expect(installs.length).toBeGreaterThan(0);
  });

  it('exposes, health-checks and starts what the chart expects', () => {
    const port = String(container.ports[0].containerPort);
    expect(argsOf(runtime, 'EXPOSE')).toEqual([port]);
    expect(argsOf(runtime, 'HEALTHCHECK').join(' ')).toContain(`127.0.0.1:${port}/healthz`);
    const cmd = JSON.parse(argsOf(runtime, 'CMD')[0]!) as string[];
    expect(cmd.at(-1)).toBe(container.command.at(-1));
    expect(argsOf(runtime, 'WORKDIR')).toEqual(['/app']);
  });

  it('copies the build output the command runs', () => {
    const script = container.command.at(-1) as string;
    const copied = argsOf(runtime, 'COPY').map((c) => c.split(/\s+/).at(-1)!.replace(/^\.\//, ''));
    expect(copied.some((dest) => script.startsWith(dest))).toBe(true);
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync(path.join(REPO, '.dockerignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));

  it('keeps installed modules, build output, local state and secrets out of the build context', () => {
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.git', '.data', '.env', 'test-output']));
  });

  it('keeps every workspace manifest in (npm ci needs them all)', () => {
    const workspaces = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
    const roots = workspaces.map((glob) => glob.replace(/\/\*$/, '').split('/')[0]!);
    for (const root of roots) expect(ignored, root).not.toContain(root);
    expect(ignored.some((rule) => /package(-lock)?\.json/.test(rule))).toBe(false);
    expect(existsSync(path.join(REPO, 'package-lock.json'))).toBe(true);
  });
});
