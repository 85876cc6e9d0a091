import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_PATH } from './fixtures/chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. http://localhost:41234 — the server started for this run. */
    baseUrl: string
  }
}

const READY_TIMEOUT_MS = 90_000

/**
 * Starts the real server once per e2e run: `tsx src/server/main.ts` on a free port with a fresh
 * embedded PGlite in a temp dir, demo mode on (so the demo seed runs), serving the built web app.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium mangler (${CHROMIUM_PATH}): apt-get install -y chromium`)
  }
  // Builds dist/web when it is missing or older than src/web, src/shared, vite.config.ts or the
  // lock file (as `npm start` does), so a local run never tests a stale UI; a no-op after `npm run build`.
  execFileSync('npx', ['tsx', 'scripts/ensure-web-build.ts'], { stdio: 'inherit' })
  if (!existsSync('dist/web/index.html')) throw new Error('Fant ikke dist/web/index.html etter bygging')

  const port = await freePort()
  const baseUrl = `http://localhost:${port}`
  const dataDir = mkdtempSync(path.join(tmpdir(), 'smittespor-e2e-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Plain `npm start` settings (issue 26): no NODE_ENV, no APP_ENV — the demo is a training
    // environment by itself.
    PORT: String(port),
    PGLITE_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: baseUrl,
    // Every spec logs in from 127.0.0.1: the production limit of 30 logins a minute per IP
    // would turn later specs' logins into 429s.
    RATE_LIMIT_LOGIN_PER_MIN: '10000',
  }
  // A developer's own settings must not point the throwaway server at a real database.
  for (const key of ['DATABASE_URL', 'DEMO_SEED', 'FAKE_IDPORTEN', 'WEB_DIST', 'NODE_ENV', 'APP_ENV'])
    delete env[key]

  // Own process group: npx → tsx → node, and teardown must stop all of them.
  const server = spawn('npx', ['tsx', 'src/server/main.ts'], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  server.stdout?.on('data', keep)
  server.stderr?.on('data', (chunk: Buffer) => {
    keep(chunk)
    // Server warnings are worth seeing next to the test output; npm's config chatter is not.
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() && !line.startsWith('npm warn')) process.stderr.write(`[server] ${line}\n`)
    }
  })

  const teardown = async () => {
    await stop(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitUntilReady(baseUrl, server, () => output)
  } catch (err) {
    await teardown()
    throw err
  }
  project.provide('baseUrl', baseUrl)
  return teardown
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

async function waitUntilReady(baseUrl: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `Serveren stoppet før den ble klar (exit ${server.exitCode ?? server.signalCode}):\n${output()}`,
      )
    }
    try {
      const res = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(2_000) })
      if (res.status === 200) return
    } catch {
      // Not listening yet (migrations and demo seed run before listen).
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`Serveren svarte ikke 200 på /api/ready innen ${READY_TIMEOUT_MS / 1000} s:\n${output()}`)
}

/**
 * SIGTERM the whole group (the server shuts down gracefully and closes PGlite), then wait until
 * every process in it is gone — npx may exit before its grandchild — and SIGKILL if that hangs.
 */
async function stop(server: ChildProcess) {
  const pid = server.pid
  if (!pid) return
  const signalGroup = (sig: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, sig)
      return true
    } catch {
      return false // ESRCH: no process left in the group
    }
  }
  if (!signalGroup('SIGTERM')) return
  const deadline = Date.now() + 10_000
  while (signalGroup(0)) {
    if (Date.now() > deadline) {
      signalGroup('SIGKILL')
      break
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
