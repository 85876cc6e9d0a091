import {
  legalHold,
  legalHoldCreate,
  legalHoldIdParam,
  legalHoldList,
  legalHoldRelease,
  previewQuery,
  previewResponse,
  retentionSettingBody,
  retentionSettings,
  retentionTypeParam,
} from '../../../shared/api/retention'
import type { AppPlugin } from '../../http/types'
import * as service from './retention.service'

const tags = ['sletting']

/** Retention settings, the deletion preview and legal holds: the Administrator's (retention.manage). */
export const retentionRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get('/api/retention/settings', { schema: { tags, response: { 200: retentionSettings } } }, (req) =>
    service.getSettings(deps, req.ctx),
  )
  app.put(
    '/api/retention/settings/:type',
    {
      schema: {
        tags,
        params: retentionTypeParam,
        body: retentionSettingBody,
        response: { 200: retentionSettings },
      },
    },
    (req) => service.updateSetting(deps, req.ctx, req.params.type, req.body),
  )
  app.get(
    '/api/retention/preview',
    { schema: { tags, querystring: previewQuery, response: { 200: previewResponse } } },
    (req) => service.preview(deps, req.ctx, req.query),
  )
  app.get('/api/retention/holds', { schema: { tags, response: { 200: legalHoldList } } }, (req) =>
    service.listHolds(deps, req.ctx),
  )
  app.post(
    '/api/retention/holds',
    { schema: { tags, body: legalHoldCreate, response: { 201: legalHold } } },
    async (req, reply) => reply.code(201).send(await service.createHold(deps, req.ctx, req.body)),
  )
  app.post(
    '/api/retention/holds/:id/release',
    { schema: { tags, params: legalHoldIdParam, body: legalHoldRelease, response: { 200: legalHold } } },
    (req) => service.releaseHold(deps, req.ctx, req.params.id, req.body.reason),
  )
}
