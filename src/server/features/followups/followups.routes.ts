import {
  closeLateBody,
  closeLateResult,
  followUpAssignBody,
  followUpAssignResult,
  followUpRecordBody,
  followUpRecordResult,
  followUpSettingsUpdate,
  followUpSettingsView,
  followUpToday,
  followUpTodayQuery,
  symptomsReported,
} from '../../../shared/api/followups'
import { measureIdParam } from '../../../shared/api/measures'
import type { AppPlugin } from '../../http/types'
import * as service from './followups.service'

const tags = ['oppfølging']

export const followUpRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get(
    '/api/followups/today',
    { schema: { tags, querystring: followUpTodayQuery, response: { 200: followUpToday } } },
    (req) => service.listToday(deps, req.ctx, req.query),
  )
  app.get('/api/followups/symptoms', { schema: { tags, response: { 200: symptomsReported } } }, (req) =>
    service.listSymptoms(deps, req.ctx),
  )
  app.post(
    '/api/followups/close-late',
    { schema: { tags, body: closeLateBody, response: { 200: closeLateResult } } },
    (req) => service.closeLateCalls(deps, req.ctx, req.body),
  )
  app.post(
    '/api/followups/assign',
    { schema: { tags, body: followUpAssignBody, response: { 200: followUpAssignResult } } },
    (req) => service.assignCalls(deps, req.ctx, req.body),
  )
  app.post(
    '/api/followups/:id/record',
    {
      schema: {
        tags,
        params: measureIdParam,
        body: followUpRecordBody,
        response: { 200: followUpRecordResult },
      },
    },
    (req) => service.recordCall(deps, req.ctx, req.params.id, req.body),
  )
  app.get('/api/followups/settings', { schema: { tags, response: { 200: followUpSettingsView } } }, (req) =>
    service.getSettings(deps, req.ctx),
  )
  app.put(
    '/api/followups/settings',
    { schema: { tags, body: followUpSettingsUpdate, response: { 200: followUpSettingsView } } },
    (req) => service.saveSettings(deps, req.ctx, req.body),
  )
}
