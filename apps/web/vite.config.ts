import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Dev: the API runs on :3000 (apps/server); the SPA proxies /api so cookies stay same-origin.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // Vendor groups: React core, antd (+ its rc-* / icon deps), data layer. Route pages are lazy chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            // Data-entry widgets (tables, pickers, cascaders) in their own chunk keeps both under the warning limit.
            { name: 'antd-data', test: /node_modules[\\/]@rc-component[\\/](table|picker|cascader|tree|tree-select|steps)[\\/]/, priority: 25 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|classnames|stylis)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/](@tanstack|zod)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
