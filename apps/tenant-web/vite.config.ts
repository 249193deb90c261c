// The shared web-app config (plugins, /trpc proxy to the api); only the port is this app's.
import { webAppConfig } from '../../vite.shared.ts';

export default webAppConfig({ port: 5173 });
