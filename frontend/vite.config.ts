/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The backend (port 8080) serves the API, actuator and OpenAPI docs; in `npm run dev` Vite
// forwards those paths so the app talks to the same origin as in production.
const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': backend,
      '/actuator': backend,
      '/v3': backend,
    },
  },
  build: {
    // Maven packages target/classes into the module's jar: the app ends up under static/,
    // which Spring Boot serves at `/`.
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
