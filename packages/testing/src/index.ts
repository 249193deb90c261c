export * from './stack-env';
