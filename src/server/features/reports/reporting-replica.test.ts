import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildApp } from '../../app'
import { type DatabaseHandle, openDatabase } from '../../db/kysely'
import type { App } from '../../http/types'
import { testConfig } from '../../test/app'
import { withDatabase } from '../../test/global-setup'
import { type ReportingFixture, reportingFixture } from './reports.fixtures'

/**
 * REPORTING_DATABASE_URL (issue 21): the aggregate-only reads — FHI's national and county views,
 * the dashboards, the weekly report draft — go to the reporting database; everything else and
 * every audit row stays on the primary. The "replica" here is a second database that lacks the
 * primary's registrations, so where the figures come from shows in the figures themselves (a
 * real streaming replica would have the same rows), and its sessions carry application_name
 * smittespor-reporting.
 */
const url = process.env.TEST_DATABASE_URL
let f: ReportingFixture
let replica: DatabaseHandle
let replicaName: string
let app: App

beforeAll(async () => {
  if (!url) return
  f = await reportingFixture()
  replicaName = `smittespor_replica_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${replicaName} template ${inject('pgTemplate')}`)
  await admin.end()
  replica = await openDatabase({
    url: withDatabase(url, replicaName),
    poolSize: 2,
    applicationName: 'smittespor-reporting',
  })
  app = await buildApp({
    config: testConfig(),
    db: f.t.db.db,
    reportingDb: replica.db,
    serveWeb: false,
    logger: false,
  })
  await app.ready()
})
afterAll(async () => {
  await app?.close()
  await replica?.close()
  await f?.t.close()
  if (!url) return
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`drop database if exists ${replicaName} with (force)`)
  await admin.end()
})

const as = (who: { headers: Record<string, string> }, u: string) =>
  app.inject({ method: 'GET', url: u, headers: who.headers })

describe.runIf(!!url)('reads routed to the reporting database', () => {
  it('FHI’s national view is counted on the replica, by connections named smittespor-reporting', async () => {
    const primary = (await f.fhi.inject({ url: '/api/fhi/weekly/2020-W53' })).json()
    expect(primary.national.live.cases).toBe(15)
    const res = await as(f.fhi, '/api/fhi/weekly/2021-W01')
    expect(res.statusCode).toBe(200)
    expect(res.json().national.live.cases).toBe(0)
    expect(res.json().kommuneCount).toBe(0) // no municipality is active on the "replica"
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      const r = await admin.query(
        `select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'smittespor-reporting'`,
        [replicaName],
      )
      expect(r.rows[0].n).toBeGreaterThan(0)
    } finally {
      await admin.end()
    }
  })

  it('the municipality dashboard and the weekly report draft too', async () => {
    const direct = (await f.osloReport.inject({ url: '/api/reports/weekly/2020-W53' })).json()
    const routed = (await as(f.osloReport, '/api/reports/weekly/2020-W53')).json()
    expect(JSON.stringify(direct)).not.toEqual(JSON.stringify(routed))
    const dash = await as(f.osloReport, '/api/dashboards/kommune?from=2020-12-20&to=2021-01-10')
    expect(dash.statusCode).toBe(200)
    expect(dash.json().totals.cases).toBe(0)
    const dashDirect = await f.osloReport.inject({
      url: '/api/dashboards/kommune?from=2020-12-20&to=2021-01-10',
    })
    expect(dashDirect.json().totals.cases).toBeGreaterThan(0)
  })

  it('an export’s audit row goes to the primary', async () => {
    const res = await as(f.fhi, '/api/fhi/weekly/2020-W53/export?format=csv')
    expect(res.statusCode).toBe(200)
    const owner = await f.t.db.ownerPool()
    const onPrimary = await owner.query(
      `select count(*)::int as n from audit_log where action = 'report.national-export'`,
    )
    expect(onPrimary.rows[0].n).toBe(1)
    const replicaOwner = new pg.Client({ connectionString: withDatabase(url!, replicaName) })
    await replicaOwner.connect()
    try {
      const onReplica = await replicaOwner.query(
        `select count(*)::int as n from audit_log where action = 'report.national-export'`,
      )
      expect(onReplica.rows[0].n).toBe(0)
    } finally {
      await replicaOwner.end()
    }
  })
})
