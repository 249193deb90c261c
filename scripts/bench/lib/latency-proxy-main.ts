/**
 * The latency proxy as its own process (node --import tsx), so its forwarding never waits on the
 * benchmark's own work: prints `PROXY <url>` once listening. Args: <target> <minMs> <maxMs>.
 */
import { startLatencyProxy } from './latency-proxy';

const [target, min, max] = process.argv.slice(2);
const proxy = await startLatencyProxy(target!, Number(min), Number(max));
console.log(`PROXY ${proxy.url}`);
process.on('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
