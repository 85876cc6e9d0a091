/**
 * Builds the web app (dist/web) when it is missing or older than its sources, so `npm start`
 * always serves a current UI without rebuilding on every start.
 * Usage: tsx scripts/ensure-web-build.ts [--force]
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const output = path.join(root, 'dist/web/index.html')
const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'].map((p) =>
  path.join(root, p),
)

/** Newest modification time of a file or of any file below a directory (0 when absent). */
function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)))
  }
  return newest
}

function staleReason(): string | null {
  if (process.argv.includes('--force')) return 'forced'
  if (!existsSync(output)) return 'dist/web/index.html is missing'
  const built = statSync(output).mtimeMs
  const changed = sources.find((source) => newestMtime(source) > built)
  return changed ? `${path.relative(root, changed)} changed since the last build` : null
}

const reason = staleReason()
if (reason) {
  console.log(`Building the web app (${reason}) …`)
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
  console.log('Web app built to dist/web.')
} else {
  console.log('Web app is up to date (dist/web).')
}
