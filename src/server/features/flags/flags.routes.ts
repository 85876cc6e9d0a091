import {
  flagCreate,
  flagIdParam,
  flagList,
  flagListQuery,
  flagResolveBody,
  flagView,
} from '../../../shared/api/flags'
import type { AppPlugin } from '../../http/types'
import * as service from './flags.service'

const tags = ['meld feil']

export const flagRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.post(
    '/api/flags',
    { schema: { tags, body: flagCreate, response: { 201: flagView } } },
    async (req, reply) => reply.code(201).send(await service.createFlag(deps, req.ctx, req.body)),
  )
  app.get(
    '/api/flags',
    { schema: { tags, querystring: flagListQuery, response: { 200: flagList } } },
    (req) => service.listFlags(deps, req.ctx, req.query),
  )
  app.post(
    '/api/flags/:id/resolve',
    { schema: { tags, params: flagIdParam, body: flagResolveBody, response: { 200: flagView } } },
    (req) => service.resolveFlag(deps, req.ctx, req.params.id, req.body),
  )
}
