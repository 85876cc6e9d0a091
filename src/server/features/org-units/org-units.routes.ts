import {
  createSubunitBody,
  orgUnitCodeParam,
  orgUnitDetail,
  orgUnitList,
  orgUnitListQuery,
  renameSubunitBody,
  retireSubunitBody,
  subunitOverview,
  subunitSummary,
} from '../../../shared/api/org-units'
import type { AppPlugin } from '../../http/types'
import { getOrgUnit, listOrgUnits } from './org-units.service'
import * as subunits from './subunits.service'

const tags = ['organisasjon']
export const orgUnitRoutes: AppPlugin = async (app) => {
  const db = app.deps.db
  app.get(
    '/api/org-units',
    { schema: { tags, querystring: orgUnitListQuery, response: { 200: orgUnitList } } },
    async (req) => listOrgUnits(db, req.query),
  )
  app.get(
    '/api/org-units/:code',
    { schema: { tags, params: orgUnitCodeParam, response: { 200: orgUnitDetail } } },
    async (req) => getOrgUnit(db, req.params.code),
  )

  // The active municipality's own sub-units (action 'subunit.manage').
  app.get('/api/subunits', { schema: { tags, response: { 200: subunitOverview } } }, async (req) =>
    subunits.getSubunits(db, req.actor),
  )
  app.post(
    '/api/subunits',
    { schema: { tags, body: createSubunitBody, response: { 201: subunitSummary } } },
    async (req, reply) => reply.status(201).send(await subunits.createSubunit(db, req.ctx, req.body)),
  )
  app.patch(
    '/api/subunits/:code',
    {
      schema: { tags, params: orgUnitCodeParam, body: renameSubunitBody, response: { 200: subunitSummary } },
    },
    async (req) => subunits.renameSubunit(db, req.ctx, req.params.code, req.body),
  )
  app.post(
    '/api/subunits/:code/retire',
    {
      schema: { tags, params: orgUnitCodeParam, body: retireSubunitBody, response: { 200: subunitSummary } },
    },
    async (req) => subunits.retireSubunit(db, req.ctx, req.params.code, req.body),
  )
}
