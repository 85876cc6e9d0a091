import { caseIdParam, chainIdParam, chainList, chainListQuery, chainView } from '../../../shared/api/chains'
import type { AppPlugin } from '../../http/types'
import * as service from './chains.service'

const tags = ['smittekjeder']

export const chainRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get(
    '/api/chains',
    { schema: { tags, querystring: chainListQuery, response: { 200: chainList } } },
    (req) => service.listChains(deps, req.ctx, req.query),
  )
  app.get(
    '/api/chains/by-case/:caseId',
    { schema: { tags, params: caseIdParam, response: { 200: chainView } } },
    (req) => service.chainByCase(deps, req.ctx, req.params.caseId),
  )
  app.get(
    '/api/chains/:id',
    { schema: { tags, params: chainIdParam, response: { 200: chainView } } },
    (req) => service.chainById(deps, req.ctx, req.params.id),
  )
}
