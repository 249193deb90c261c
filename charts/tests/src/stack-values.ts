/**
 * A values file that points the chart at the local stack (.data/stack.env via @dbulk/testing):
 * its own database (dbulk_test_chart, created once and migrated by the chart's own hook), its
 * own topic prefix and consumer groups, so the started apps never take another test's records,
 * and the sandbox as the Graph API.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uniqueName, uniqueTopicPrefix } from '@dbulk/kafka/testing';
import { testStack } from '@dbulk/testing';
import pg from 'pg';
import { stringify } from 'yaml';

export const CHART_DATABASE = 'dbulk_test_chart';
const PARTITIONS = 3;

/** The test database's URL with another database name; creates that database when missing. */
export async function chartDatabaseUrl(): Promise<string> {
  const url = new URL(testStack().databaseUrl);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [CHART_DATABASE]);
    if (!rowCount) await client.query(`create database ${CHART_DATABASE}`).catch((err: { code?: string }) => {
      if (err.code !== '42P04') throw err; // created meanwhile by a parallel run
    });
  } finally {
    await client.end();
  }
  url.pathname = `/${CHART_DATABASE}`;
  return url.toString();
}

export interface StackValues {
  file: string;
  prefix: string;
  groups: string[];
  partitions: number;
}

export async function writeStackValues(): Promise<StackValues> {
  const prefix = uniqueTopicPrefix('chart');
  const sendPurpose = uniqueName('chart-send');
  const webhooksPurpose = uniqueName('chart-webhooks');
  const scaled = { enabled: true, minReplicas: 1, maxReplicas: PARTITIONS, targetCPUUtilizationPercentage: 70 };
  const values = {
    config: { nodeEnv: 'production', logLevel: 'warn', publicUrl: 'http://127.0.0.1:5173', allowedOrigins: ['http://127.0.0.1:5173'] },
    kafka: {
      brokers: testStack().kafkaBrokers,
      topicPrefix: prefix,
      replicationFactor: 1,
      topics: { send: { partitions: PARTITIONS }, webhooks: { partitions: PARTITIONS }, webhooksDlq: { partitions: 1 }, control: { partitions: 1 }, events: { partitions: 1 } },
    },
    secrets: {
      databaseUrl: await chartDatabaseUrl(),
      encryptionKey: Buffer.alloc(32, 42).toString('base64'),
      metaAppSecret: 'chart-test-app-secret',
      metaWebhookVerifyToken: 'chart-test-verify',
    },
    sender: { replicas: 1, resources: {}, autoscaling: scaled, env: { SENDER_GROUP_PURPOSE: sendPurpose } },
    processor: { replicas: 1, resources: {}, autoscaling: scaled, env: { PROCESSOR_GROUP_PURPOSE: webhooksPurpose } },
    metaSandbox: { enabled: true, replicas: 1, resources: {} },
  };
  const file = path.join(tmpdir(), `dbulk-chart-${prefix.replace(/\W+/g, '-')}values.yaml`);
  writeFileSync(file, stringify(values));
  return { file, prefix, groups: [`sender.${sendPurpose}`, `processor.${webhooksPurpose}`], partitions: PARTITIONS };
}
