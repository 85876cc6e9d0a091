import {
  activateKommuneBody,
  activateKommuneResponse,
  kommuneChecklist,
  kommuneCodeParam,
  kommuneList,
  kommuneListQuery,
  kommuneSettings,
  orgNumberBody,
  recordStepBody,
  stepParam,
  undoStepBody,
  updateSettingsBody,
} from '../../../shared/api/onboarding'
import type { AppPlugin } from '../../http/types'
import * as service from './onboarding.service'

const tags = ['oppstart']

/**
 * Onboarding (SPEC §9): `/api/onboarding/kommuner…` for the national operator, `/api/onboarding/own…`
 * for the users of the active municipality.
 */
export const onboardingRoutes: AppPlugin = async (app) => {
  const db = app.deps.db
  app.get(
    '/api/onboarding/kommuner',
    { schema: { tags, querystring: kommuneListQuery, response: { 200: kommuneList } } },
    async (req) => service.listKommuner(db, req.actor, req.query),
  )

  app.get(
    '/api/onboarding/kommuner/:code',
    { schema: { tags, params: kommuneCodeParam, response: { 200: kommuneChecklist } } },
    async (req) => service.getChecklist(db, req.actor, req.params.code),
  )

  app.put(
    '/api/onboarding/kommuner/:code/steps/:step',
    { schema: { tags, params: stepParam, body: recordStepBody, response: { 200: kommuneChecklist } } },
    async (req) => service.recordStep(db, req.ctx, req.params.code, req.params.step, req.body),
  )

  app.put(
    '/api/onboarding/kommuner/:code/org-number',
    { schema: { tags, params: kommuneCodeParam, body: orgNumberBody, response: { 200: kommuneChecklist } } },
    async (req) => service.setOrgNumber(db, req.ctx, req.params.code, req.body),
  )

  app.post(
    '/api/onboarding/kommuner/:code/steps/:step/undo',
    { schema: { tags, params: stepParam, body: undoStepBody, response: { 200: kommuneChecklist } } },
    async (req) => service.undoStep(db, req.ctx, req.params.code, req.params.step, req.body),
  )

  app.post(
    '/api/onboarding/kommuner/:code/activate',
    {
      schema: {
        tags,
        params: kommuneCodeParam,
        body: activateKommuneBody,
        response: { 200: activateKommuneResponse },
      },
    },
    async (req) =>
      service.activateKommune(db, req.ctx, app.deps.config.testEnvironment, req.params.code, req.body),
  )

  app.get('/api/onboarding/own', { schema: { tags, response: { 200: kommuneChecklist } } }, async (req) =>
    service.getOwnChecklist(db, req.actor),
  )

  app.put(
    '/api/onboarding/own/settings',
    { schema: { tags, body: updateSettingsBody, response: { 200: kommuneSettings } } },
    async (req) => service.updateOwnSettings(db, req.ctx, req.body),
  )
}
