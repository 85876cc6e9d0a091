import { caseIdParam, convertToCaseResult } from '../../../shared/api/cases'
import {
  contactAssigneeBody,
  contactBatch,
  contactBatchResult,
  contactCreate,
  contactDetail,
  contactIdParam,
  contactNotifiedBody,
  contactPatch,
  convertToCaseBody,
} from '../../../shared/api/contacts'
import type { AppPlugin } from '../../http/types'
import { convertToCase } from './contacts.convert'
import { createContacts } from './contacts.save'
import * as service from './contacts.service'

const tags = ['nærkontakter']

export const contactRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.post(
    '/api/cases/:id/contacts',
    { schema: { tags, params: caseIdParam, body: contactCreate, response: { 201: contactBatchResult } } },
    async (req, reply) =>
      reply.code(201).send(await createContacts(deps, req.ctx, req.params.id, [req.body], () => 'body')),
  )
  app.post(
    '/api/cases/:id/contacts/batch',
    { schema: { tags, params: caseIdParam, body: contactBatch, response: { 201: contactBatchResult } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(await createContacts(deps, req.ctx, req.params.id, req.body.rows, (i) => `body.rows.${i}`)),
  )
  app.get(
    '/api/contacts/:id',
    { schema: { tags, params: contactIdParam, response: { 200: contactDetail } } },
    (req) => service.getContact(deps, req.ctx, req.params.id),
  )
  app.patch(
    '/api/contacts/:id',
    { schema: { tags, params: contactIdParam, body: contactPatch, response: { 200: contactDetail } } },
    (req) => service.patchContact(deps, req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/contacts/:id/notified',
    { schema: { tags, params: contactIdParam, body: contactNotifiedBody, response: { 200: contactDetail } } },
    (req) => service.markNotified(deps, req.ctx, req.params.id, req.body),
  )
  app.put(
    '/api/contacts/:id/assignee',
    { schema: { tags, params: contactIdParam, body: contactAssigneeBody, response: { 200: contactDetail } } },
    (req) => service.assignContact(deps, req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/contacts/:id/convert-to-case',
    {
      schema: {
        tags,
        params: contactIdParam,
        body: convertToCaseBody,
        response: { 201: convertToCaseResult },
      },
    },
    async (req, reply) => reply.code(201).send(await convertToCase(deps, req.ctx, req.params.id, req.body)),
  )
}
