import { z } from 'zod'
import {
  apiClient,
  apiClientCreate,
  apiClientCreated,
  apiClientList,
  apiClientParams,
  kommuneVersions,
  kommuneVersionsParams,
  machineQuery,
  machineReports,
  nationalExportQuery,
  nationalWeekly,
} from '../../../shared/api/fhi'
import { weekParams } from '../../../shared/api/reports'
import { AppError } from '../../http/errors'
import type { AppPlugin } from '../../http/types'
import { toCsv, toXlsx } from '../reports/reports.export'
import { sendFile } from '../reports/reports.routes'
import * as clients from './api-clients'
import * as service from './fhi.service'

const tags = ['fhi']

/** FHI's national overview, its exports, the machine API and the operator's API clients. */
export const fhiRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get(
    '/api/fhi/weekly/:week',
    { schema: { tags, params: weekParams, response: { 200: nationalWeekly } } },
    (req) => service.getNationalWeekly(deps, req.ctx, req.params.week),
  )
  app.get(
    '/api/fhi/weekly/:week/kommuner/:kommune',
    { schema: { tags, params: kommuneVersionsParams, response: { 200: kommuneVersions } } },
    (req) => service.kommuneVersions(deps, req.ctx, req.params.week, req.params.kommune),
  )
  app.get(
    '/api/fhi/weekly/:week/export',
    { schema: { tags, params: weekParams, querystring: nationalExportQuery } },
    async (req, reply) => {
      const { week } = req.params
      const { format } = req.query
      const { data, mask } = await service.nationalExportData(deps, req.ctx, week, format)
      const { headers, rows } = service.nationalExportRows(week, data, mask)
      const body = format === 'csv' ? toCsv(headers, rows) : await toXlsx(`Uke ${week}`, headers, rows)
      return sendFile(reply, format, `ukesrapporter-${week}.${format}`, body)
    },
  )
  app.get(
    '/api/fhi/weekly-reports',
    {
      schema: {
        tags,
        description:
          'Innsendte ukesrapporter for maskinklienter. Autentisering: Authorization: Basic base64(klient-id:hemmelighet) eller Bearer klient-id.hemmelighet.',
        querystring: machineQuery,
        response: { 200: machineReports },
      },
    },
    async (req, reply) => {
      try {
        return await service.machineWeeklyReports(deps, req.ctx, req.headers.authorization, req.query)
      } catch (err) {
        if (err instanceof AppError && err.status === 401)
          reply.header('www-authenticate', 'Basic realm="smittespor", Bearer realm="smittespor"')
        throw err
      }
    },
  )
  app.get('/api/fhi/api-clients', { schema: { tags, response: { 200: apiClientList } } }, (req) =>
    clients.listApiClients(deps, req.ctx),
  )
  app.post(
    '/api/fhi/api-clients',
    { schema: { tags, body: apiClientCreate, response: { 200: apiClientCreated } } },
    (req) => clients.createApiClient(deps.db, req.ctx, req.body),
  )
  app.post(
    '/api/fhi/api-clients/:id/revoke',
    {
      schema: { tags, params: apiClientParams, body: z.object({}).optional(), response: { 200: apiClient } },
    },
    (req) => clients.revokeApiClient(deps, req.ctx, req.params.id),
  )
}
