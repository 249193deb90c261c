export * from './tenancy.errors';
export * from './tenancy.dto';
export * from './accounts.service';
export * from './tenants.service';
export * from './members.service';
export * from './admin-tenants.service';
