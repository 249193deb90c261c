#!/usr/bin/env node
// Writes charts/dbulk/values.schema.json (closed objects: an unknown or misspelt key fails the
// install). Generated so the eight app sections share one definition; run it after changing
// values.yaml's shape: `node charts/tests/scripts/write-schema.mjs`. A test checks it is current.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const closed = (properties, required = []) => ({ type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) });
const str = { type: 'string' };
const bool = { type: 'boolean' };
const int = (minimum = 0, maximum) => ({ type: 'integer', minimum, ...(maximum ? { maximum } : {}) });
const open = { type: 'object' };
const envMap = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };
const partitions = closed({ partitions: int(1, 1000) }, ['partitions']);

const autoscaling = closed(
  { enabled: bool, minReplicas: int(1), maxReplicas: int(1), targetCPUUtilizationPercentage: int(1, 100) },
  ['enabled', 'minReplicas', 'maxReplicas', 'targetCPUUtilizationPercentage'],
);
const pdb = closed({ enabled: bool, minAvailable: { type: ['integer', 'string'] }, maxUnavailable: { type: ['integer', 'string'] } }, ['enabled']);
const component = (extra = {}, { scaled = false } = {}) =>
  closed(
    {
      replicas: int(0),
      resources: open,
      env: envMap,
      pdb,
      ...(scaled ? { autoscaling } : {}),
      terminationGracePeriodSeconds: int(1, 3600),
      preStopSleepSeconds: int(0, 120),
      podAnnotations: { type: 'object', additionalProperties: str },
      nodeSelector: { type: 'object', additionalProperties: str },
      tolerations: { type: 'array' },
      affinity: open,
      ...extra,
    },
    ['replicas', 'resources'],
  );

const schema = {
  $schema: 'https://json-schema.org/draft-07/schema#',
  title: 'dbulk chart values',
  ...closed({
    nameOverride: str,
    fullnameOverride: str,
    image: closed({ registry: { type: 'string', minLength: 1 }, tag: str, pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] } }, ['registry']),
    imagePullSecrets: { type: 'array', items: closed({ name: str }, ['name']) },
    config: closed({
      nodeEnv: { enum: ['development', 'test', 'production'] },
      logLevel: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
      publicUrl: { type: 'string', pattern: '^https?://' },
      allowedOrigins: { type: 'array', items: { type: 'string', pattern: '^https?://' } },
      trustProxy: bool,
      metaGraphUrl: { type: 'string', pattern: '^https?://' },
      metaApiVersion: { type: 'string', pattern: '^v\\d+\\.\\d+$' },
      metaAppId: { type: 'string', pattern: '^\\d*$' },
      extraEnv: envMap,
    }),
    database: closed({ poolMax: int(1, 200) }),
    kafka: closed({
      brokers: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[^:,\\s]+:\\d+$' } },
      clientId: str,
      topicPrefix: { type: 'string', pattern: '^[a-z0-9._-]*$' },
      replicationFactor: int(1, 7),
      tls: closed({ enabled: bool }),
      sasl: closed({ enabled: bool, mechanism: { enum: ['plain', 'scram-sha-256', 'scram-sha-512'] } }),
      topics: closed(
        { send: partitions, webhooks: partitions, webhooksDlq: partitions, control: closed({ partitions: { const: 1 } }), events: partitions },
        ['send', 'webhooks', 'webhooksDlq', 'control', 'events'],
      ),
    }),
    extraCaCerts: closed({ secretName: str, key: str }),
    secrets: closed(Object.fromEntries(
      ['existingSecret', 'databaseUrl', 'encryptionKey', 'encryptionKeysPrevious', 'metaAppSecret', 'metaWebhookVerifyToken', 'kafkaSaslUsername', 'kafkaSaslPassword'].map((k) => [k, str]),
    )),
    hooks: closed({
      migrate: closed({ enabled: bool, seedPricing: bool }),
      reconcileTopics: closed({ enabled: bool }),
      backoffLimit: int(0, 10),
      activeDeadlineSeconds: int(30),
      resources: open,
    }),
    serviceAccount: closed(
      { create: bool, name: { type: 'string', pattern: '^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$' }, annotations: { type: 'object', additionalProperties: str }, automountToken: bool },
      ['create'],
    ),
    podSecurityContext: open,
    containerSecurityContext: open,
    api: component({}, { scaled: true }),
    ingest: component({}, { scaled: true }),
    sender: component({}, { scaled: true }),
    processor: component({}, { scaled: true }),
    planner: component(),
    tenantWeb: component(),
    adminWeb: component(),
    metaSandbox: component({ enabled: bool, useForGraph: bool, control: bool, replicas: int(0, 1) }),
    keda: closed({
      enabled: bool,
      pollingInterval: int(1),
      cooldownPeriod: int(0),
      lagThreshold: closed({ sender: int(1), processor: int(1) }, ['sender', 'processor']),
      authenticationRef: str,
    }),
    ingress: closed({
      enabled: bool,
      className: str,
      annotations: { type: 'object', additionalProperties: str },
      hosts: closed({ tenant: str, admin: str, ingest: str, api: str }),
      tls: { type: 'array', items: closed({ secretName: str, hosts: { type: 'array', items: str } }) },
    }),
    networkPolicy: closed({ enabled: bool, ingressNamespaceSelector: open, monitoringNamespaceSelector: open }),
    serviceMonitor: closed({ enabled: bool, interval: { type: 'string', pattern: '^\\d+[smh]$' }, labels: { type: 'object', additionalProperties: str } }),
  }),
};

export const schemaText = `${JSON.stringify(schema, null, 2)}\n`;
const target = path.resolve(import.meta.dirname, '../../dbulk/values.schema.json');
if (process.argv[1] === import.meta.filename) {
  writeFileSync(target, schemaText);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
