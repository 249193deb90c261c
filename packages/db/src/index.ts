export * from './entities/index';
export { createOrm, ormConfig, MikroORM, type OrmOptions } from './orm';
export type { EntityManager } from '@mikro-orm/postgresql';
export { LockMode, UniqueConstraintViolationException, raw } from '@mikro-orm/core';
export { boundQuery } from './bound-query';
export { csvLines, keysetCsv, type KeysetCsv } from './keyset-csv';
