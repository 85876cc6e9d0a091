import { z } from 'zod'
import {
  dashboard,
  dashboardQuery,
  reportTable,
  savedReport,
  savedReportBody,
  savedReportList,
  savedReportParams,
  savedReportUpdate,
} from '../../../shared/api/dashboards'
import { exportFormat } from '../../../shared/api/reports'
import type { AppPlugin } from '../../http/types'
import { sendFile } from '../reports/reports.routes'
import { getDashboard } from './dashboards.service'
import * as saved from './saved.service'

const tags = ['dashbord']

/** The municipality's dashboard and its saved reports (*faste rapporter*), SPEC §5. */
export const dashboardRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get(
    '/api/dashboards/kommune',
    { schema: { tags, querystring: dashboardQuery, response: { 200: dashboard } } },
    (req) => getDashboard(deps, req.ctx, req.query),
  )
  app.get('/api/reports/saved', { schema: { tags, response: { 200: savedReportList } } }, (req) =>
    saved.listSaved(deps, req.ctx),
  )
  app.post(
    '/api/reports/saved',
    { schema: { tags, body: savedReportBody, response: { 200: savedReport } } },
    (req) => saved.createSaved(deps, req.ctx, req.body),
  )
  app.put(
    '/api/reports/saved/:id',
    { schema: { tags, params: savedReportParams, body: savedReportUpdate, response: { 200: savedReport } } },
    (req) => saved.updateSaved(deps, req.ctx, req.params.id, req.body),
  )
  app.delete(
    '/api/reports/saved/:id',
    { schema: { tags, params: savedReportParams, response: { 200: z.object({ deleted: z.boolean() }) } } },
    (req) => saved.deleteSaved(deps, req.ctx, req.params.id),
  )
  app.get(
    '/api/reports/saved/:id/table',
    { schema: { tags, params: savedReportParams, response: { 200: reportTable } } },
    (req) => saved.savedTable(deps, req.ctx, req.params.id),
  )
  app.get(
    '/api/reports/saved/:id/export',
    {
      schema: {
        tags,
        params: savedReportParams,
        querystring: z.object({ format: exportFormat.default('csv') }),
      },
    },
    async (req, reply) => {
      const { file, body } = await saved.exportSaved(deps, req.ctx, req.params.id, req.query.format)
      return sendFile(reply, req.query.format, file, body)
    },
  )
}
