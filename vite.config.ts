import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))
const backend = process.env.SMITTESPOR_API_URL ?? 'http://localhost:3000'

/**
 * The web app lives in src/web and builds to dist/web, which the Fastify server serves with an SPA
 * fallback. In `vite` dev and `vite preview`, /api, /auth and /idporten-fake go to SMITTESPOR_API_URL
 * (default http://localhost:3000).
 */
export default defineConfig(({ command, mode }) => {
  // The JSX transform also reads NODE_ENV: without this, a build started from inside vitest
  // (NODE_ENV=test, the e2e setup) emits jsxDEV calls that the production React lacks.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production'
  return config(command, mode)
})

const config = (command: string, mode: string) => ({
  root: `${repoRoot}src/web`,
  publicDir: `${repoRoot}src/web/public`,
  plugins: [react()],
  // A production build is always a production bundle, even when NODE_ENV=test leaks in from
  // vitest (the e2e setup builds from inside it): otherwise React ships its development build.
  define: command === 'build' && mode === 'production' ? { 'process.env.NODE_ENV': '"production"' } : {},
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // No inline scripts or data: URLs, so a strict CSP (no 'unsafe-inline') works.
    assetsInlineLimit: 0,
    // A work tool loaded once a day and cached: chunks up to 1 MB are fine; the warning at Vite's
    // 500 kB default would only be noise on every `npm start` (issue 26).
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      treeshake: {
        // designsystemet-react declares no `sideEffects`, so its whole barrel (Combobox with
        // floating-ui and a virtualiser) would ship. Its modules have no side effects of their own;
        // the custom elements they need are registered by @digdir/designsystemet-web, which stays
        // side-effectful.
        moduleSideEffects: (id: string) => !id.includes('/@digdir/designsystemet-react/'),
      },
      output: {
        // Libraries change less often than app code: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // The two heavy libraries of single pages get their own chunks.
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'graph', test: /node_modules[\\/](cytoscape[^\\/]*|layout-base|cose-base)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/auth': backend,
      '/idporten-fake': backend,
    },
  },
})
