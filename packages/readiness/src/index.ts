// @dbulk/readiness: the production-readiness check (scripts/production-readiness-test.ts, scripts/sandbox-test.ts).
export { readinessMain } from './cli';
export { loadReadinessConfig, type ReadinessConfig } from './env';
export { runReadiness, type ReadinessReport } from './run';
export { decideVerdict, exitCodeOf, type Verdict } from './verdict';
