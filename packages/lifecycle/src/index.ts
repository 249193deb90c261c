export { installShutdown, runClosers, type Closer, type InstallShutdownOptions } from './shutdown';
export { closeHttpServer, type ClosableHttpApp } from './close-http';
export { buildProbeApp, type ProbeAppDeps } from './probe-app';
