import {
  caseAssigneeBody,
  caseCloseBody,
  caseCreate,
  caseDetail,
  caseIdParam,
  caseList,
  caseListQuery,
  casePatch,
  caseReopenBody,
  caseWriteResult,
  householdSuggestions,
} from '../../../shared/api/cases'
import type { AppPlugin } from '../../http/types'
import * as list from './cases.list'
import * as service from './cases.service'

const tags = ['indekstilfeller']

export const caseRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get(
    '/api/cases',
    { schema: { tags, querystring: caseListQuery, response: { 200: caseList } } },
    (req) => list.listCases(deps, req.ctx, req.query),
  )
  app.post(
    '/api/cases',
    { schema: { tags, body: caseCreate, response: { 201: caseWriteResult } } },
    async (req, reply) => reply.code(201).send(await service.createCase(deps, req.ctx, req.body)),
  )
  app.get('/api/cases/:id', { schema: { tags, params: caseIdParam, response: { 200: caseDetail } } }, (req) =>
    service.getCase(deps, req.ctx, req.params.id),
  )
  app.patch(
    '/api/cases/:id',
    { schema: { tags, params: caseIdParam, body: casePatch, response: { 200: caseDetail } } },
    (req) => service.patchCase(deps, req.ctx, req.params.id, req.body),
  )
  app.put(
    '/api/cases/:id/assignee',
    { schema: { tags, params: caseIdParam, body: caseAssigneeBody, response: { 200: caseDetail } } },
    (req) => service.assignCase(deps, req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/cases/:id/close',
    { schema: { tags, params: caseIdParam, body: caseCloseBody, response: { 200: caseDetail } } },
    (req) => service.setCaseStatus(deps, req.ctx, req.params.id, 'closed', req.body),
  )
  app.post(
    '/api/cases/:id/reopen',
    { schema: { tags, params: caseIdParam, body: caseReopenBody, response: { 200: caseDetail } } },
    (req) => service.setCaseStatus(deps, req.ctx, req.params.id, 'open', req.body),
  )
  app.get(
    '/api/cases/:id/household-suggestions',
    { schema: { tags, params: caseIdParam, response: { 200: householdSuggestions } } },
    (req) => list.householdSuggestions(deps, req.ctx, req.params.id),
  )
}
