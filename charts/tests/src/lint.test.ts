import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART, PRODUCTION_VALUES, lint, tryRender } from './helm';
import { schemaText } from '../scripts/write-schema.mjs';

describe('helm lint and the values schema', () => {
  it('lints cleanly (strict) with the default values', () => {
    const result = lint();
    expect(result.output).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(result.ok).toBe(true);
  });

  it('lints cleanly (strict) with values-production.yaml', () => {
    const result = lint({ values: [PRODUCTION_VALUES] });
    expect(result.output).toMatch(/0 chart\(s\) failed/);
    expect(result.ok).toBe(true);
  });

  it('has a values.schema.json generated from scripts/write-schema.mjs', () => {
    expect(readFileSync(path.join(CHART, 'values.schema.json'), 'utf8')).toBe(schemaText);
  });

  it('rejects an unknown key anywhere (closed objects), naming it', () => {
    for (const key of ['sender.replica', 'kafka.topics.sends.partitions', 'ingress.hosts.web', 'apiServer.replicas']) {
      const result = tryRender({ set: { [key]: 1 } });
      expect(result.ok, key).toBe(false);
      expect(result.stderr).toMatch(/additional properties .* not allowed/);
    }
  });

  it('rejects values of the wrong shape', () => {
    expect(tryRender({ set: { 'kafka.topics.control.partitions': 3 } }).stderr).toMatch(/control\/partitions/);
    expect(tryRender({ set: { 'config.metaApiVersion': '23' } }).stderr).toMatch(/metaApiVersion/);
    expect(tryRender({ set: { 'kafka.sasl.mechanism': 'gssapi' } }).stderr).toMatch(/mechanism/);
  });
});
