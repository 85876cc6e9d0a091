import {
  measureAdjust,
  measureBoard,
  measureBoardParams,
  measureBoardQuery,
  measureCancel,
  measureCreate,
  measureExempt,
  measureIdParam,
  measureList,
  measureListQuery,
  measurePreview,
  measurePreviewQuery,
  measureView,
} from '../../../shared/api/measures'
import type { AppPlugin } from '../../http/types'
import { registerContactReference, registerPersonReference } from '../persons/persons.merge'
import './measures.demo-seed'
import { measureBoard as board } from './measures.board'
import * as changes from './measures.changes'
import * as service from './measures.service'

const tags = ['tiltak']

export const measureRoutes: AppPlugin = async (app) => {
  // Merging two persons (or two contact links) moves their measures, calls, letters and reminders.
  for (const table of ['measures', 'followup_calls', 'person_documents', 'outbox'])
    registerPersonReference(table)
  registerContactReference('measures')

  const deps = app.deps
  app.get(
    '/api/measures',
    { schema: { tags, querystring: measureListQuery, response: { 200: measureList } } },
    (req) => service.listMeasures(deps, req.ctx, req.query),
  )
  app.post(
    '/api/measures',
    { schema: { tags, body: measureCreate, response: { 200: measureView } } },
    (req) => service.createMeasure(deps, req.ctx, req.body),
  )
  app.get(
    '/api/measures/preview',
    { schema: { tags, querystring: measurePreviewQuery, response: { 200: measurePreview } } },
    (req) => service.previewMeasure(deps, req.ctx, req.query),
  )
  app.get(
    '/api/measures/lists/:list',
    {
      schema: {
        tags,
        params: measureBoardParams,
        querystring: measureBoardQuery,
        response: { 200: measureBoard },
      },
    },
    (req) => board(deps, req.ctx, req.params.list, req.query),
  )
  app.get(
    '/api/measures/:id',
    { schema: { tags, params: measureIdParam, response: { 200: measureView } } },
    (req) => service.getMeasure(deps, req.ctx, req.params.id),
  )
  app.post(
    '/api/measures/:id/adjust',
    { schema: { tags, params: measureIdParam, body: measureAdjust, response: { 200: measureView } } },
    (req) => changes.adjustMeasure(deps, req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/measures/:id/cancel',
    { schema: { tags, params: measureIdParam, body: measureCancel, response: { 200: measureView } } },
    (req) => changes.cancelMeasure(deps, req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/measures/:id/exempt',
    { schema: { tags, params: measureIdParam, body: measureExempt, response: { 200: measureView } } },
    (req) => changes.exemptMeasure(deps, req.ctx, req.params.id, req.body),
  )
}
