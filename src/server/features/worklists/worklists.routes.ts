import { worklistCounts, worklistPage, worklistParams, worklistQuery } from '../../../shared/api/worklists'
import type { AppPlugin } from '../../http/types'
import * as service from './worklists.service'

const tags = ['arbeidslister']

export const worklistRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get('/api/worklists', { schema: { tags, response: { 200: worklistCounts } } }, (req) =>
    service.worklistCounts(deps, req.ctx),
  )
  app.get(
    '/api/worklists/:name',
    { schema: { tags, params: worklistParams, querystring: worklistQuery, response: { 200: worklistPage } } },
    (req) => service.getWorklist(deps, req.ctx, req.params.name, req.query),
  )
}
