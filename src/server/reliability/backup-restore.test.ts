import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseworkFixture, createCase } from '../features/cases/casework.fixtures'

/**
 * Backup and restore (issue 12): scripts/backup-restore-test.sh dumps a database with some case
 * work and its audit log, restores it into a fresh database and runs audit:verify there.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL
let f: Awaited<ReturnType<typeof caseworkFixture>>

beforeAll(async () => {
  if (onPostgres) f = await caseworkFixture()
})
afterAll(() => f?.t.close())

describe.runIf(onPostgres)('backup and restore', () => {
  it('restores a pg_dump into a fresh database whose audit log verifies', async () => {
    await createCase(f.oslo)
    await createCase(f.oslo2)
    const url = (f.t.db.pool as unknown as { options: pg.PoolConfig }).options.connectionString!
    const { stdout } = await promisify(execFile)('bash', ['scripts/backup-restore-test.sh'], {
      env: { ...process.env, SOURCE_URL: url },
      timeout: 120_000,
    })
    expect(stdout).toContain('Sikkerhetsloggen er uendret / audit log intact')
    expect(stdout).toMatch(/Restore OK: \d+ audit rows verified/)
  }, 150_000)
})
