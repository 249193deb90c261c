/**
 * The journeys' Client on Node: undici requests over one keep-alive Agent, recorded as k6 records
 * them — http_req_duration and http_reqs tagged `endpoint`, http_req_failed for anything but
 * 2xx/3xx (or no answer), checks, and the journey's custom metrics. One Client per VU.
 * @see https://undici.nodejs.org/#/docs/api/Agent
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import type { Client, MetricDecl } from '../lib/client.ts';
import type { Registry } from './metrics.ts';

export interface Vu {
  id: number;
  iteration: number;
  iterationInTest: number;
}

export class NodeHttp {
  private readonly agent = new Agent({ connections: 256, keepAliveTimeout: 30_000, headersTimeout: 60_000, bodyTimeout: 60_000 });

  constructor(private readonly registry: Registry, metrics: MetricDecl[]) {
    registry.declare('http_req_duration', 'trend', true);
    registry.declare('http_req_failed', 'rate');
    registry.declare('http_reqs', 'counter');
    registry.declare('checks', 'rate');
    registry.declare('iterations', 'counter');
    registry.declare('iteration_duration', 'trend', true);
    registry.declare('dropped_iterations', 'counter');
    for (const m of metrics) registry.declare(m.name, m.type, m.isTime);
  }

  forVu(vu: Vu): Client {
    const { registry, agent } = this;
    return {
      async request(spec) {
        const tags = { endpoint: spec.endpoint, method: spec.method };
        const started = performance.now();
        let status = 0;
        let body = '';
        const headers: Record<string, string> = {};
        try {
          const res = await request(spec.url, { method: spec.method, headers: spec.headers, body: spec.body ?? null, dispatcher: agent });
          body = await res.body.text();
          status = res.statusCode;
          for (const [name, value] of Object.entries(res.headers)) headers[name] = Array.isArray(value) ? value.join('\n') : String(value);
        } catch (err) {
          body = (err as Error).message;
        }
        registry.add('http_req_duration', performance.now() - started, tags);
        registry.add('http_reqs', 1, tags);
        registry.add('http_req_failed', status < 200 || status >= 400 ? 1 : 0, tags);
        return { status, body, headers };
      },
      check(name, ok) {
        registry.add('checks', ok ? 1 : 0, { check: name });
        return ok;
      },
      add: (name, value) => registry.add(name, value),
      sleep: (seconds) => sleep(seconds * 1000).then(() => undefined),
      vu: () => ({ ...vu }),
    };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
