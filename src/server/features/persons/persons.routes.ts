import { z } from 'zod'
import { uuid } from '../../../shared/api/codes'
import { personRecords } from '../../../shared/api/person-records'
import {
  duplicatePairs,
  duplicateSuggestionQuery,
  duplicateSuggestions,
  mergeBody,
  nationalIdLookup,
  nationalIdLookupBody,
  notDuplicateBody,
  personList,
  personListQuery,
  personRef,
  personUpdate,
  personView,
  revealAddressBody,
} from '../../../shared/api/persons'
import type { AppPlugin } from '../../http/types'
import { listDuplicatePairs, markNotDuplicate, mergePersons, revokeNotDuplicate } from './persons.merge'
import { getPersonRecords } from './persons.records'
import * as service from './persons.service'

const idParams = z.object({ id: uuid })
const tags = ['personer']

export const personRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get(
    '/api/persons',
    { schema: { tags, querystring: personListQuery, response: { 200: personList } } },
    (req) => service.searchPersons(deps, req.ctx, req.query),
  )
  app.post(
    '/api/persons',
    {
      schema: {
        tags,
        body: personRef,
        response: { 200: z.object({ created: z.boolean(), person: personView }) },
      },
    },
    (req) => service.createPerson(deps, req.ctx, req.body),
  )
  app.get(
    '/api/persons/duplicate-suggestions',
    { schema: { tags, querystring: duplicateSuggestionQuery, response: { 200: duplicateSuggestions } } },
    (req) => service.suggestDuplicates(deps, req.ctx, req.query),
  )
  app.get('/api/persons/duplicates', { schema: { tags, response: { 200: duplicatePairs } } }, (req) =>
    listDuplicatePairs(deps, req.ctx),
  )
  app.post(
    '/api/persons/merge',
    { schema: { tags, body: mergeBody, response: { 200: personView } } },
    (req) => mergePersons(deps, req.ctx, req.body),
  )
  const notDuplicateView = z.object({ aId: z.string(), bId: z.string(), notDuplicate: z.boolean() })
  app.post(
    '/api/persons/not-duplicates',
    { schema: { tags, body: notDuplicateBody, response: { 200: notDuplicateView } } },
    (req) => markNotDuplicate(deps, req.ctx, req.body),
  )
  app.post(
    '/api/persons/not-duplicates/revoke',
    { schema: { tags, body: notDuplicateBody, response: { 200: notDuplicateView } } },
    (req) => revokeNotDuplicate(deps, req.ctx, req.body),
  )
  app.post(
    '/api/persons/lookup',
    { schema: { tags, body: nationalIdLookupBody, response: { 200: nationalIdLookup } } },
    (req) => service.lookupNationalId(deps, req.ctx, req.body.nationalId),
  )
  app.get('/api/persons/:id', { schema: { tags, params: idParams, response: { 200: personView } } }, (req) =>
    service.getPerson(deps, req.ctx, req.params.id),
  )
  app.get(
    '/api/persons/:id/records',
    { schema: { tags, params: idParams, response: { 200: personRecords } } },
    (req) => getPersonRecords(deps, req.ctx, req.params.id),
  )
  app.patch(
    '/api/persons/:id',
    { schema: { tags, params: idParams, body: personUpdate, response: { 200: personView } } },
    (req) => service.updatePerson(deps, req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/persons/:id/reveal-address',
    { schema: { tags, params: idParams, body: revealAddressBody, response: { 200: personView } } },
    (req) => service.revealAddress(deps, req.ctx, req.params.id, req.body.reason),
  )
}
