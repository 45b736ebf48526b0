import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The gateway serves web-client/dist, so every URL the client uses is relative to the page;
 * `npm run dev -w web-client` proxies /graphql (HTTP and WebSocket) to a gateway on :4000.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The chart chunk (ECharts core with three chart kinds, ~200 kB gzipped) is loaded by
    // the dashboard only, after its first paint; the warning's default would flag it.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // ECharts is the one large dependency and only the dashboard draws charts: its own
        // chunk keeps the lobby and the desk light and stays cached across app changes.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
    },
  },
});
