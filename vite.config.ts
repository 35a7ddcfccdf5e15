// Client builds: the builder SPA (served under /admin/) and the runtime's hydration entry.
// The runtime's server renderer is a second, SSR build: see scripts/build.mjs.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: '/_assets/',
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    rollupOptions: {
      input: { builder: 'builder/index.html', runtime: 'runtime/entry-client.tsx' },
    },
  },
});
