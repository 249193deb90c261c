// Loads kafkajs for the stack helper scripts.
// Resolution order: $DBULK_KAFKAJS_DIR (a folder that contains node_modules/kafkajs, for use
// before the repo's `npm install` has run), then the repo's own node_modules.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function loadKafkajs() {
  const bases = [];
  if (process.env.DBULK_KAFKAJS_DIR) bases.push(path.resolve(process.env.DBULK_KAFKAJS_DIR));
  bases.push(repoRoot);
  const errors = [];
  for (const base of bases) {
    try {
      const require = createRequire(path.join(base, 'package.json'));
      const kafkajs = require('kafkajs');
      const version = require('kafkajs/package.json').version;
      return { ...kafkajs, kafkajsVersion: version };
    } catch (err) {
      errors.push(`${base}: ${err.code ?? err.message}`);
    }
  }
  const e = new Error(`kafkajs not found (${errors.join('; ')}); run npm install at the repo root`);
  e.code = 'KAFKAJS_NOT_FOUND';
  throw e;
}

export function brokersFromEnv() {
  return (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}
