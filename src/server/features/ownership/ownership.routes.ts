import {
  defaultUnit,
  defaultUnitBody,
  ownerBody,
  ownerParams,
  ownerResult,
} from '../../../shared/api/ownership'
import type { AppPlugin } from '../../http/types'
import * as service from './ownership.service'

const tags = ['enheter']

/** Sub-unit ownership: the user's default owner unit and moving a record to another unit. */
export const ownershipRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get('/api/me/default-unit', { schema: { tags, response: { 200: defaultUnit } } }, (req) =>
    service.getDefaultUnit(deps, req.ctx),
  )
  app.put(
    '/api/me/default-unit',
    { schema: { tags, body: defaultUnitBody, response: { 200: defaultUnit } } },
    (req) => service.setDefaultUnit(deps, req.ctx, req.body),
  )
  app.put(
    '/api/owner-unit/:type/:id',
    { schema: { tags, params: ownerParams, body: ownerBody, response: { 200: ownerResult } } },
    (req) => service.changeOwner(deps, req.ctx, req.params.type, req.params.id, req.body),
  )
}
