// Loads kafkajs for the stack helper scripts (see deps.mjs for where it is looked up).
import { requireDep } from './deps.mjs';

export function loadKafkajs() {
  const { mod, version } = requireDep('kafkajs');
  return { ...mod, kafkajsVersion: version };
}

export function brokersFromEnv() {
  return (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}
