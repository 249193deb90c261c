/**
 * The Vite settings both web apps share; each app's vite.config.ts passes only its port.
 * Dev server and preview both proxy /trpc to the api, so the browser talks to one origin and
 * the HttpOnly `dbulk_session` cookie just works. DBULK_API_URL points elsewhere (e2e: a test api).
 * @see https://tanstack.com/router/latest/docs/framework/react/installation/with-vite
 */
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

export function webAppConfig({ port }: { port: number }) {
  const apiUrl = process.env.DBULK_API_URL ?? 'http://127.0.0.1:4000';
  // Keep the browser's Origin and Host: the api checks Origin on mutations against ALLOWED_ORIGINS.
  const proxy: Record<string, ProxyOptions> = {
    '/trpc': { target: apiUrl, changeOrigin: false, ws: false },
    // Streamed CSV uploads (POST /uploads/contacts) and exports (GET /exports/…) go to the api too.
    '/uploads': { target: apiUrl, changeOrigin: false, ws: false },
    '/exports': { target: apiUrl, changeOrigin: false, ws: false },
  };

  return defineConfig({
    plugins: [
      tanstackRouter({ target: 'react', autoCodeSplitting: true, quoteStyle: 'single', semicolons: true }),
      react(),
    ],
    server: { port, strictPort: true, proxy },
    preview: { port, strictPort: true, proxy },
    build: { outDir: 'dist', sourcemap: true },
  });
}
