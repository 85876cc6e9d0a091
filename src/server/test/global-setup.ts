import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../db/kysely'
import { migrate } from '../db/migrate'
import { installJobs } from '../jobs'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    pgTemplate: string
  }
}

/**
 * Builds one migrated template per run: a PGlite data-dir dump (each test file loads it, ~1 s
 * instead of initdb + migrations) or, with TEST_DATABASE_URL, a PostgreSQL template database
 * that each test file copies with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const name = `smittespor_tmpl_${process.pid}_${Date.now()}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`create database ${name}`)
    const handle = await openDatabase({ url: withDatabase(url, name), poolSize: 1 })
    await migrate(handle.pool, { after: installJobs })
    await handle.close()
    project.provide('pgTemplate', name)
    project.provide('pgliteTemplate', '')
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'smittespor-test-'))
  const pglite = await PGlite.create('memory://', { extensions: { pg_trgm } })
  const handle = await openDatabase({ pglite, appRole: null })
  await migrate(handle.pool, { after: installJobs })
  await handle.close()
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  const file = path.join(dir, 'template.tar')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', file)
  project.provide('pgTemplate', '')
  return () => rmSync(dir, { recursive: true, force: true })
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
