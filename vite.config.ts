import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One build serves every deployment: nothing city-specific is baked in here (see public/config.json).
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: 'es' },
});
