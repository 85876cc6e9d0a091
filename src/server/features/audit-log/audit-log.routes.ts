import { Readable } from 'node:stream'
import {
  auditLogPage,
  auditLogQuery,
  auditUserList,
  auditVerification,
  innsynParams,
  innsynQuery,
  innsynReport,
} from '../../../shared/api/audit-log'
import type { AppPlugin } from '../../http/types'
import * as service from './audit-log.service'
import { verifyLog } from './audit-verify.service'

const tags = ['sikkerhetslogg']
const CSV = 'text/csv; charset=utf-8'

/**
 * The municipality's audit log for its Administrator ('audit.read', always the active
 * municipality), and the national operator's integrity check ('audit.verify').
 */
export const auditLogRoutes: AppPlugin = async (app) => {
  const db = app.deps.db
  app.get(
    '/api/audit-log',
    { schema: { tags, querystring: auditLogQuery, response: { 200: auditLogPage } } },
    (req) => service.searchLog(db, req.ctx, req.query),
  )

  app.get('/api/audit-log.csv', { schema: { tags, querystring: auditLogQuery } }, async (req, reply) => {
    const { filename, body } = await service.exportLog(db, req.ctx, req.query)
    return csvReply(reply, filename).send(Readable.from(body))
  })

  app.get('/api/audit-log/users', { schema: { tags, response: { 200: auditUserList } } }, (req) =>
    service.listUsers(db, req.ctx),
  )

  app.get(
    '/api/audit-log/innsyn/:personId',
    { schema: { tags, params: innsynParams, querystring: innsynQuery, response: { 200: innsynReport } } },
    (req) => service.innsyn(db, req.ctx, req.params.personId, req.query),
  )

  app.get(
    '/api/audit-log/innsyn/:personId.csv',
    { schema: { tags, params: innsynParams, querystring: innsynQuery } },
    async (req, reply) => {
      const { filename, body } = await service.innsynExport(db, req.ctx, req.params.personId, req.query)
      return csvReply(reply, filename).send(body)
    },
  )

  app.get('/api/audit-log/verify', { schema: { tags, response: { 200: auditVerification } } }, (req) =>
    verifyLog(db, req.ctx),
  )
}

function csvReply<R extends { header(k: string, v: string): R }>(reply: R, filename: string): R {
  return reply
    .header('content-type', CSV)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
}
