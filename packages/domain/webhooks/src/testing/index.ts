/** Test helpers (`@dbulk/domain-webhooks/testing`): fixtures with rewritten ids, tenant worlds. Never imported by production code. */
export * from './fixtures';
export * from './world';
export * from './campaign';
