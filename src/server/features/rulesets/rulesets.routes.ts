import { z } from 'zod'
import {
  ruleSetCreate,
  ruleSetDeleteQuery,
  ruleSetHistory,
  ruleSetIdParam,
  ruleSetList,
  ruleSetUpdate,
  ruleSetView,
} from '../../../shared/api/rulesets'
import type { AppPlugin } from '../../http/types'
import * as service from './rulesets.service'

const tags = ['regelsett']

export const ruleSetRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get('/api/rulesets', { schema: { tags, response: { 200: ruleSetList } } }, (req) =>
    service.listRuleSets(deps, req.ctx),
  )
  app.post(
    '/api/rulesets',
    { schema: { tags, body: ruleSetCreate, response: { 200: ruleSetView } } },
    (req) => service.createRuleSet(deps, req.ctx, req.body),
  )
  app.put(
    '/api/rulesets/:id',
    { schema: { tags, params: ruleSetIdParam, body: ruleSetUpdate, response: { 200: ruleSetView } } },
    (req) => service.updateRuleSet(deps, req.ctx, req.params.id, req.body),
  )
  app.delete(
    '/api/rulesets/:id',
    {
      schema: { tags, params: ruleSetIdParam, querystring: ruleSetDeleteQuery, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.deleteRuleSet(deps, req.ctx, req.params.id, req.query.version)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/api/rulesets/:id/history',
    { schema: { tags, params: ruleSetIdParam, response: { 200: ruleSetHistory } } },
    (req) => service.ruleSetHistory(deps, req.ctx, req.params.id),
  )
}
