import { z } from 'zod'
import { uuid } from '../../../shared/api/codes'
import {
  fregApplyBody,
  fregLookupBody,
  fregLookupResult,
  fregRefreshResult,
  fregStatusResponse,
} from '../../../shared/api/freg'
import { personView } from '../../../shared/api/persons'
import type { AppPlugin } from '../../http/types'
import { applyFromFreg } from './freg.apply'
// Registers the demo seed step (Oslo's Folkeregister onboarding) before the demo seed runs.
import './freg.demo-seed'
import { createFregGateway } from './freg.gateway'
import * as service from './freg.service'

const tags = ['folkeregister']
const idParams = z.object({ id: uuid })

/**
 * Folkeregister (SPEC §7). In demo mode and tests the fake Maskinporten and fake FREG are mounted
 * here too (never in production; see freg.gateway.ts).
 */
export const fregRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  const gw = await createFregGateway(app)
  app.get('/api/freg/status', { schema: { tags, response: { 200: fregStatusResponse } } }, (req) =>
    service.getStatus(deps, gw, req.ctx),
  )
  app.post(
    '/api/freg/lookup',
    { schema: { tags, body: fregLookupBody, response: { 200: fregLookupResult } } },
    (req) => service.lookup(deps, gw, req.ctx, req.body.nationalId),
  )
  app.post(
    '/api/persons/:id/freg-refresh',
    { schema: { tags, params: idParams, response: { 200: fregRefreshResult } } },
    (req) => service.refresh(deps, gw, req.ctx, req.params.id),
  )
  app.post(
    '/api/persons/:id/freg-apply',
    { schema: { tags, params: idParams, body: fregApplyBody, response: { 200: personView } } },
    (req) => applyFromFreg(deps, req.ctx, req.params.id, req.body),
  )
}
