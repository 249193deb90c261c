#!/usr/bin/env node
// Readiness probe used by scripts/stack: one metadata round trip (admin.listTopics) against
// $KAFKA_BROKERS. Exit 0 = broker answers metadata requests; 1 = not (yet); 3 = kafkajs missing.
import { loadKafkajs, brokersFromEnv } from './kafkajs.mjs';

let kafkajs;
try {
  kafkajs = loadKafkajs();
} catch (err) {
  console.error(err.message);
  process.exit(3);
}
const { Kafka, logLevel } = kafkajs;
const kafka = new Kafka({
  clientId: 'dbulk-stack-ping',
  brokers: brokersFromEnv(),
  logLevel: logLevel.NOTHING,
  connectionTimeout: 3000,
  requestTimeout: 5000,
  retry: { retries: 0 },
});
const admin = kafka.admin();
const timer = setTimeout(() => {
  console.error('timed out');
  process.exit(1);
}, 10000);
try {
  await admin.connect();
  const topics = await admin.listTopics();
  const { brokers, controller, clusterId } = await admin.describeCluster();
  console.log(JSON.stringify({ ok: true, clusterId, controller, brokers: brokers.length, topics: topics.length }));
  await admin.disconnect();
  clearTimeout(timer);
  process.exit(0);
} catch (err) {
  console.error(`${err.name}: ${err.message}`);
  process.exit(1);
}
