export { tenantRouter, adminRouter, type TenantRouter, type AdminRouter } from './root';
export { createContext, type ApiDeps, type Context, type CookieJar, type RequestMeta, type HealthReport } from './context';
export { createCallerFactory } from './trpc';
