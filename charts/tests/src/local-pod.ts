/**
 * Runs a rendered container as a local process, as the kubelet would run it in the image: the
 * image's WORKDIR (/app) is the repository root, so `command` and `args` run unchanged from a
 * checkout with built dist folders. Env comes from the manifest alone: `envFrom` ConfigMaps,
 * `value`s and `secretKeyRef`s resolved from the rendered objects. Only PORT is remapped to a
 * free local port (every pod has its own network namespace; this machine has one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@dbulk/testing';
import { hostEnv } from './env';
import { REPO, find, type Manifest } from './helm';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: { name: string; key: string; optional?: boolean } };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Container = any;

/** The container's environment exactly as Kubernetes would build it from these manifests. */
export function resolveEnv(container: Container, manifests: Manifest[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, find(manifests, 'ConfigMap', source.configMapRef.name).data);
    if (source.secretRef) for (const [k, v] of Object.entries(find(manifests, 'Secret', source.secretRef.name).data ?? {})) env[k] = Buffer.from(v, 'base64').toString();
  }
  for (const entry of (container.env ?? []) as EnvVar[]) {
    if (entry.value !== undefined) env[entry.name] = entry.value;
    const secretRef = entry.valueFrom?.secretKeyRef;
    const configRef = entry.valueFrom?.configMapKeyRef;
    const ref = secretRef ?? configRef;
    if (!ref) continue;
    const source = find(manifests, secretRef ? 'Secret' : 'ConfigMap', ref.name).data ?? {};
    const raw = source[ref.key];
    if (raw === undefined) {
      if (!ref.optional) throw new Error(`${entry.name}: ${ref.name} has no key ${ref.key} and the ref is not optional (the pod would not start)`);
      continue;
    }
    env[entry.name] = secretRef ? Buffer.from(raw, 'base64').toString() : raw;
  }
  return env;
}

export interface LocalPod {
  name: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the first container of a Deployment or Job; `env` adds local-only settings. */
export async function startContainer(name: string, container: Container, manifests: Manifest[], env: Record<string, string> = {}): Promise<LocalPod> {
  const port = await freePort();
  const [command, ...rest] = [...(container.command ?? []), ...(container.args ?? [])] as string[];
  let output = '';
  const child = spawn(command === 'node' ? process.execPath : command!, rest, {
    cwd: REPO,
    // Nothing from the test's own environment leaks into the app but PATH and HOME.
    env: { ...hostEnv(), ...resolveEnv(container, manifests), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, port, process: child, output: () => output, exited };
}

/** Polls the container's readiness probe (httpGet on the named port) like the kubelet. */
export async function waitReady(pod: LocalPod, container: Container, timeoutMs: number): Promise<number> {
  const probe = container.readinessProbe?.httpGet;
  if (!probe) throw new Error(`${pod.name} has no readiness httpGet probe`);
  const started = Date.now();
  let last = 'no answer';
  while (Date.now() - started < timeoutMs) {
    if (pod.process.exitCode !== null) throw new Error(`${pod.name} exited with ${pod.process.exitCode} before it was ready:\n${pod.output()}`);
    const res = await fetch(`http://127.0.0.1:${pod.port}${probe.path}`, { signal: AbortSignal.timeout(3_000) }).catch((err: Error) => err);
    if (!(res instanceof Error) && res.status >= 200 && res.status < 400) return Date.now() - started;
    last = res instanceof Error ? res.message : `${res.status} ${await res.text()}`;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${pod.name} was not ready on ${probe.path} within ${timeoutMs} ms (last: ${last}):\n${pod.output()}`);
}

/** SIGTERM, then the exit code within the pod's grace period (SIGKILL after it, like the kubelet). */
export async function terminate(pod: LocalPod, graceSeconds: number): Promise<number | null> {
  if (pod.process.exitCode !== null) return pod.process.exitCode;
  pod.process.kill('SIGTERM');
  const timer = setTimeout(() => pod.process.kill('SIGKILL'), graceSeconds * 1000);
  const code = await pod.exited;
  clearTimeout(timer);
  return code;
}
