import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * A throwaway PostgreSQL cluster of its own for fault tests that restart the server (never the
 * shared one on 5432 that the other tests use). Needs root (initdb runs as `postgres`) and the
 * PostgreSQL server binaries; `available()` says whether this machine has them.
 */
export function privatePostgresAvailable(): boolean {
  if (process.getuid?.() !== 0) return false
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'sh', '-c', 'command -v initdb && command -v pg_ctl'], {
      stdio: 'ignore',
    })
    return true
  } catch {
    return false
  }
}

export interface PrivatePostgres {
  url(database?: string): string
  start(): void
  stop(): void
  destroy(): void
}

const asPostgres = (args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe', timeout: 60_000 })

export function startPrivatePostgres(): PrivatePostgres {
  const dir = mkdtempSync(path.join(tmpdir(), 'smittespor-pg-'))
  const data = path.join(dir, 'data')
  const sock = path.join(dir, 'sock')
  mkdirSync(sock)
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  chownSync(dir, uid, gid)
  chownSync(sock, uid, gid)
  asPostgres(['initdb', '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  const opts = `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off`
  const pg: PrivatePostgres = {
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => asPostgres(['pg_ctl', '-D', data, '-w', '-l', path.join(dir, 'log'), 'start', '-o', opts]),
    stop: () => asPostgres(['pg_ctl', '-D', data, '-w', '-m', 'fast', 'stop']),
    destroy: () => {
      try {
        if (existsSync(path.join(data, 'postmaster.pid'))) pg.stop()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
  pg.start()
  return pg
}
