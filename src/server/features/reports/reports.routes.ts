import type { FastifyReply } from 'fastify'
import {
  exportQuery,
  submitBody,
  versionParams,
  weeklyReport,
  weeklyReportQuery,
  weeklyReportVersion,
  weekParams,
  weekStatusList,
  weekStatusQuery,
} from '../../../shared/api/reports'
import type { AppPlugin } from '../../http/types'
import { CONTENT_TYPES } from './reports.export'
import * as service from './reports.service'

const tags = ['rapporter']

/** The municipality's weekly report to FHI (SPEC §5): review, submit, versions, export. */
export const reportRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get(
    '/api/reports/weekly',
    { schema: { tags, querystring: weekStatusQuery, response: { 200: weekStatusList } } },
    (req) => service.listWeeks(deps, req.ctx, req.query.weeks),
  )
  app.get(
    '/api/reports/weekly/:week',
    { schema: { tags, params: weekParams, querystring: weeklyReportQuery, response: { 200: weeklyReport } } },
    (req) => service.getWeeklyReport(deps, req.ctx, req.params.week, req.query.unit),
  )
  app.post(
    '/api/reports/weekly/:week/submit',
    { schema: { tags, params: weekParams, body: submitBody, response: { 200: weeklyReport } } },
    (req) => service.submitWeek(deps, req.ctx, req.params.week, req.body),
  )
  app.get(
    '/api/reports/weekly/:week/versions/:version',
    {
      schema: {
        tags,
        params: versionParams,
        querystring: weeklyReportQuery,
        response: { 200: weeklyReportVersion },
      },
    },
    (req) => service.getVersion(deps, req.ctx, req.params.week, req.params.version, req.query.unit),
  )
  app.get(
    '/api/reports/weekly/:week/export',
    { schema: { tags, params: weekParams, querystring: exportQuery } },
    async (req, reply) => {
      const { file, body } = await service.exportWeeklyReport(deps, req.ctx, req.params.week, req.query)
      return sendFile(reply, req.query.format, file, body)
    },
  )
}

/** A download: content type by format and an attachment file name. */
export function sendFile(reply: FastifyReply, format: 'csv' | 'xlsx', file: string, body: string | Buffer) {
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${file}"`)
    .header('cache-control', 'no-store')
    .send(body)
}
