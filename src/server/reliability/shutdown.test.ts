import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { JobRuntime } from '../jobs/runtime'
import { testConfig } from '../test/app'
import { createTestDatabase } from '../test/database'

/**
 * Graceful shutdown (issue 12): on SIGTERM the real server (main.ts) first turns readiness false,
 * then finishes the requests in flight, lets a running job finish, and exits 0.
 */
let server: ChildProcess | undefined
afterAll(() => {
  if (server && server.exitCode === null) server.kill('SIGKILL')
})

/** One raw HTTP/1.1 connection, so a request can be left half-sent and answers read in order. */
function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1')
  let buffer = ''
  socket.on('data', (d) => {
    buffer += d.toString()
  })
  socket.on('error', () => {})
  return {
    socket,
    ready: new Promise((r) => socket.once('connect', r)),
    send: (s: string) => socket.write(s),
    debug: () =>
      `destroyed=${socket.destroyed} ended=${socket.readableEnded} buffer=${JSON.stringify(buffer.slice(0, 1200))}`,
    /** Waits for a complete response (headers and a Content-Length body) and returns its status. */
    async response(): Promise<number | null> {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
        const m = buffer.match(/^HTTP\/1\.1 (\d{3})[\s\S]*?\r\n\r\n/)
        if (m) {
          const len = Number(/content-length: (\d+)/i.exec(m[0])?.[1] ?? 0)
          if (Buffer.byteLength(buffer.slice(m[0].length)) >= len) {
            buffer = Buffer.from(buffer.slice(m[0].length)).subarray(len).toString()
            return Number(m[1])
          }
        }
        if (socket.destroyed || socket.readableEnded) return null
        await new Promise((r) => setTimeout(r, 5))
      }
      return null
    },
  }
}

describe('graceful shutdown', () => {
  it('turns readiness false first, finishes the request in flight, and exits 0', async () => {
    const port = 30_000 + Math.floor(Math.random() * 20_000)
    // node itself (not npx): the signal must reach the server process.
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        APP_ENV: 'test',
        PORT: String(port),
        PGLITE_DIR: 'memory://',
        DEMO_SEED: 'false',
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
        WEB_DIST: '/nonexistent',
      },
      stdio: 'ignore',
    })
    const exited = new Promise<number | null>((r) => server!.once('exit', (code) => r(code)))
    for (let i = 0; ; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then(
        (r) => r.status === 200,
        () => false,
      )
      if (ok) break
      if (i > 600) throw new Error('server did not become ready')
      await new Promise((r) => setTimeout(r, 200))
    }
    const inFlight = connect(port)
    const probe = connect(port)
    await Promise.all([inFlight.ready, probe.ready])
    const body = JSON.stringify({ firstName: 'Under', lastName: 'Avslutning' })
    inFlight.send(
      `POST /api/persons HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    )
    probe.send('GET /api/ready HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(await probe.response()).toBe(200)

    server.kill('SIGTERM')
    // Readiness turns false before the listener closes (the load balancer's cue).
    let sawNotReady = false
    for (let i = 0; i < 100 && !sawNotReady; i++) {
      probe.send('GET /api/ready HTTP/1.1\r\nHost: x\r\n\r\n')
      const status = await probe.response()
      if (status === null) break
      sawNotReady = status === 503
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(sawNotReady).toBe(true)
    // The request that was in flight still gets its answer (401: not logged in), then the exit.
    inFlight.send(body.slice(5))
    expect(await inFlight.response(), inFlight.debug()).toBe(401)
    expect(await exited).toBe(0)
  }, 180_000)

  it('waits for a running job before stop() resolves', async () => {
    const db = await createTestDatabase()
    try {
      let started = false
      let finished = false
      const job = {
        name: 'users.deactivate-inactive',
        run: async () => {
          started = true
          await new Promise((r) => setTimeout(r, 500))
          finished = true
          return {}
        },
      }
      const jobs = new JobRuntime({ db: db.db, config: testConfig(), definitions: [job] })
      await jobs.startWorkers({ pollingIntervalSeconds: 0.5 })
      await jobs.trigger(job.name)
      for (let i = 0; i < 100 && !started; i++) await new Promise((r) => setTimeout(r, 50))
      expect(started).toBe(true)
      // stop() during the run must wait for the job.
      await jobs.stop()
      expect(finished).toBe(true)
    } finally {
      await db.close()
    }
  }, 30_000)
})
