export { AdaptiveTokenBucket, type TokenBucketOptions } from './rate/token-bucket';
export { RateRegistry } from './rate/rate-registry';
export { SendGate, type StopReason } from './gate/send-gate';
export { decideFailure, DEFAULT_RETRY_POLICY, AMBIGUOUS_TITLE, type RetryPolicy, type SendOutcome } from './send/outcome';
export { buildComponents } from './send/components';
export { Sender, type SenderOptions } from './sender';
export { SYSTEM_ACTOR } from './send/campaign-pause';
export * from './rates.service';
export * from './tenant-sending.service';
