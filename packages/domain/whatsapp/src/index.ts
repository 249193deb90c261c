export * from './token-crypto';
