/**
 * helm for the tests: built once by scripts/lib/ensure-helm.sh (go install of helm v3.22.0 into a
 * cache outside the repository), then `helm template` rendered into parsed manifests.
 * @see https://helm.sh/docs/helm/helm_template/
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findRepoRoot } from '@dbulk/config';
import { parseAllDocuments } from 'yaml';

export const REPO = findRepoRoot(import.meta.dirname);
export const CHART = path.join(REPO, 'charts', 'dbulk');
export const PRODUCTION_VALUES = path.join(CHART, 'values-production.yaml');

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // Rendered objects are walked by path in the assertions; their shape is Kubernetes', not ours.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  data?: Record<string, string>;
  [key: string]: unknown;
}

let helmPath: string | undefined;

export function helm(): string {
  helmPath ??= execFileSync('bash', [path.join(REPO, 'scripts', 'lib', 'ensure-helm.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return helmPath;
}

export interface RenderOptions {
  values?: string[];
  set?: Record<string, string | number | boolean>;
  release?: string;
}

function args({ values = [], set = {} }: RenderOptions): string[] {
  return [...values.flatMap((file) => ['-f', file]), ...Object.entries(set).flatMap(([key, value]) => ['--set', `${key}=${value}`])];
}

/** helm template → { ok, manifests, stderr }; a failed render (validate, schema) is a result, not a throw. */
export function tryRender(options: RenderOptions = {}) {
  const result = spawnSync(helm(), ['template', options.release ?? 'dbulk', CHART, '--namespace', 'dbulk', ...args(options)], { encoding: 'utf8' });
  if (result.status !== 0) return { ok: false as const, manifests: [] as Manifest[], stderr: result.stderr };
  const manifests = parseAllDocuments(result.stdout)
    .map((doc) => {
      if (doc.errors.length) throw new Error(`helm rendered invalid YAML: ${doc.errors[0]!.message}`);
      return doc.toJSON() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null);
  return { ok: true as const, manifests, stderr: result.stderr };
}

export function render(options: RenderOptions = {}): Manifest[] {
  const result = tryRender(options);
  if (!result.ok) throw new Error(`helm template failed:\n${result.stderr}`);
  return result.manifests;
}

export function lint(options: RenderOptions = {}) {
  const result = spawnSync(helm(), ['lint', CHART, '--strict', ...args(options)], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export const ofKind = (manifests: Manifest[], kind: string) => manifests.filter((m) => m.kind === kind);

export function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in [${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}]`);
  return found;
}
