/**
 * Readiness of Kafka for `/readyz`: one metadata round trip (describeCluster) within a deadline.
 * Given the client, a short-lived admin is connected and closed each call; given an admin that
 * the caller keeps connected, only the round trip is made.
 * @see https://kafka.js.org/docs/admin#a-name-describe-cluster-a-describe-cluster
 */
import { AppError } from '@dbulk/errors';
import type { KafkaAdmin, KafkaClient } from './client';

export interface KafkaHealth {
  clusterId: string;
  brokers: number;
}

function isClient(target: KafkaClient | KafkaAdmin): target is KafkaClient {
  return typeof (target as Partial<KafkaClient>).admin === 'function';
}

/** Resolves with the cluster's shape, or throws an `unavailable` AppError naming the reason. */
export async function checkKafka(target: KafkaClient | KafkaAdmin, timeoutMs = 2_000): Promise<KafkaHealth> {
  const admin = isClient(target) ? target.admin() : target;
  const owned = admin !== target;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const probe = (async () => {
    if (owned) await admin.connect();
    const cluster = await admin.describeCluster();
    return { clusterId: cluster.clusterId, brokers: cluster.brokers.length };
  })();
  try {
    return await Promise.race([probe, deadline]);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('KAFKA_UNAVAILABLE', 'unavailable', `Kafka is not reachable: ${reason}`, { cause: err });
  } finally {
    clearTimeout(timer);
    if (owned) {
      // Close now, and again once a hung connect settles, so probes never leak connections.
      const close = () => admin.disconnect().catch(() => undefined);
      void close();
      void probe.catch(() => undefined).finally(close);
    }
  }
}
