import {
  transferCounts,
  transferCreate,
  transferIdParam,
  transferList,
  transferListQuery,
  transferRejectBody,
  transferVersionBody,
  transferView,
} from '../../../shared/api/transfers'
import type { AppPlugin } from '../../http/types'
import * as service from './transfers.service'

const tags = ['overføringer']

export const transferRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.post(
    '/api/transfers',
    { schema: { tags, body: transferCreate, response: { 201: transferView } } },
    async (req, reply) => reply.code(201).send(await service.createTransfer(deps, req.ctx, req.body)),
  )
  app.get(
    '/api/transfers',
    { schema: { tags, querystring: transferListQuery, response: { 200: transferList } } },
    (req) => service.listTransfers(deps, req.ctx, req.query),
  )
  app.get('/api/transfers/counts', { schema: { tags, response: { 200: transferCounts } } }, (req) =>
    service.transferCounts(deps, req.ctx),
  )
  app.get(
    '/api/transfers/:id',
    { schema: { tags, params: transferIdParam, response: { 200: transferView } } },
    (req) => service.getTransfer(deps, req.ctx, req.params.id),
  )
  app.post(
    '/api/transfers/:id/accept',
    { schema: { tags, params: transferIdParam, body: transferVersionBody, response: { 200: transferView } } },
    (req) => service.acceptTransfer(deps, req.ctx, req.params.id, req.body.version),
  )
  app.post(
    '/api/transfers/:id/reject',
    { schema: { tags, params: transferIdParam, body: transferRejectBody, response: { 200: transferView } } },
    (req) => service.rejectTransfer(deps, req.ctx, req.params.id, req.body.version, req.body.reason),
  )
  app.post(
    '/api/transfers/:id/cancel',
    { schema: { tags, params: transferIdParam, body: transferVersionBody, response: { 200: transferView } } },
    (req) => service.cancelTransfer(deps, req.ctx, req.params.id, req.body.version),
  )
}
