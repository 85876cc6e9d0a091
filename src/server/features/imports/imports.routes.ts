import fastifyMultipart from '@fastify/multipart'
import {
  applyPresetBody,
  commitBody,
  IMPORT_LIMITS,
  importIdParam,
  importRowPage,
  importRowsQuery,
  importRun,
  importRunList,
  mappingBody,
  mappingPresetList,
} from '../../../shared/api/imports'
import { AppError } from '../../http/errors'
import type { AppPlugin } from '../../http/types'
import { authorize } from '../../policy/policy'
import { tooLarge } from './imports.file'
import { reportXlsx } from './imports.report'
import * as service from './imports.service'
import { templateXlsx } from './imports.template'

const tags = ['import']
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Import of earlier registrations (SPEC §6). The sequence: GET template.xlsx → POST /api/imports
 * (multipart, field `file`) → PUT …/mapping (optional) → POST …/validate → poll GET …/{id} until
 * `validated` → GET …/rows or …/report.xlsx → POST …/commit { mode } → poll until `committed`.
 */
export const importRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  })
  app.get('/api/imports/template.xlsx', { schema: { tags } }, async (req, reply) => {
    authorize(req.ctx.actor, 'import.run')
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', 'attachment; filename="smittespor-importmal.xlsx"')
      .send(await templateXlsx())
  })

  app.post('/api/imports', { schema: { tags, response: { 201: importRun } } }, async (req, reply) => {
    authorize(req.ctx.actor, 'import.run')
    if (!req.isMultipart())
      throw new AppError(415, 'import-multipart', 'Last opp filen som skjema (multipart/form-data)')
    let file: { fileName: string; bytes: Buffer } | undefined
    let part: Awaited<ReturnType<typeof req.file>> | undefined
    try {
      part = await req.file()
      if (part) file = { fileName: part.filename, bytes: await part.toBuffer() }
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        return service.refuseUpload(
          deps,
          req.ctx,
          { fileName: part?.filename ?? '', size: part?.file.bytesRead ?? IMPORT_LIMITS.maxBytes + 1 },
          tooLarge(),
        )
      throw err
    }
    if (!file)
      throw new AppError(400, 'validation', 'Velg en fil', {
        errors: [{ path: 'body.file', message: 'Velg en fil' }],
      })
    return reply.code(201).send(await service.upload(deps, req.ctx, file))
  })

  app.get('/api/imports', { schema: { tags, response: { 200: importRunList } } }, (req) =>
    service.listRuns(deps, req.ctx),
  )
  app.get(
    '/api/imports/:id',
    { schema: { tags, params: importIdParam, response: { 200: importRun } } },
    (req) => service.getRun(deps, req.ctx, req.params.id),
  )
  app.put(
    '/api/imports/:id/mapping',
    { schema: { tags, params: importIdParam, body: mappingBody, response: { 200: importRun } } },
    (req) => service.setMapping(deps, req.ctx, req.params.id, req.body),
  )
  app.get('/api/imports/mappings', { schema: { tags, response: { 200: mappingPresetList } } }, (req) =>
    service.listPresets(deps, req.ctx),
  )
  app.post(
    '/api/imports/:id/mapping/preset',
    { schema: { tags, params: importIdParam, body: applyPresetBody, response: { 200: importRun } } },
    (req) => service.applyPreset(deps, req.ctx, req.params.id, req.body.presetId),
  )
  app.post(
    '/api/imports/:id/validate',
    { schema: { tags, params: importIdParam, response: { 202: importRun } } },
    async (req, reply) => reply.code(202).send(await service.startValidation(deps, req.ctx, req.params.id)),
  )
  app.get(
    '/api/imports/:id/rows',
    {
      schema: { tags, params: importIdParam, querystring: importRowsQuery, response: { 200: importRowPage } },
    },
    (req) => service.rows(deps, req.ctx, req.params.id, req.query),
  )
  app.get('/api/imports/:id/report.xlsx', { schema: { tags, params: importIdParam } }, async (req, reply) => {
    const { buffer, filename } = await reportXlsx(deps, req.ctx, req.params.id)
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .header('cache-control', 'no-store')
      .send(buffer)
  })
  app.post(
    '/api/imports/:id/commit',
    { schema: { tags, params: importIdParam, body: commitBody, response: { 202: importRun } } },
    async (req, reply) =>
      reply.code(202).send(await service.startCommit(deps, req.ctx, req.params.id, req.body.mode)),
  )
  app.post(
    '/api/imports/:id/cancel',
    { schema: { tags, params: importIdParam, response: { 200: importRun } } },
    (req) => service.cancel(deps, req.ctx, req.params.id),
  )
}
