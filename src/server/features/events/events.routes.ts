import { z } from 'zod'
import {
  convertParticipantBody,
  convertParticipantResult,
  eventCreate,
  eventDetail,
  eventIdParam,
  eventList,
  eventListQuery,
  eventPatch,
  makeContactsBody,
  makeContactsResult,
  outbreakBody,
  participantBatch,
  participantBatchResult,
  participantCreate,
  participantDeleteQuery,
  participantParams,
  participantPatch,
  participantView,
} from '../../../shared/api/events'
import type { AppPlugin } from '../../http/types'
import { convertParticipant, makeContacts } from './events.contacts'
import * as participants from './events.participants'
import * as service from './events.service'

const tags = ['hendelser']

export const eventRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get(
    '/api/events',
    { schema: { tags, querystring: eventListQuery, response: { 200: eventList } } },
    (req) => service.listEvents(deps, req.ctx, req.query),
  )
  app.post(
    '/api/events',
    { schema: { tags, body: eventCreate, response: { 201: eventDetail } } },
    async (req, reply) => reply.code(201).send(await service.createEvent(deps, req.ctx, req.body)),
  )
  app.get(
    '/api/events/:id',
    { schema: { tags, params: eventIdParam, response: { 200: eventDetail } } },
    (req) => service.getEvent(deps, req.ctx, req.params.id),
  )
  app.patch(
    '/api/events/:id',
    { schema: { tags, params: eventIdParam, body: eventPatch, response: { 200: eventDetail } } },
    (req) => service.patchEvent(deps, req.ctx, req.params.id, req.body),
  )
  app.put(
    '/api/events/:id/outbreak',
    { schema: { tags, params: eventIdParam, body: outbreakBody, response: { 200: eventDetail } } },
    (req) => service.setOutbreak(deps, req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/events/:id/participants',
    {
      schema: {
        tags,
        params: eventIdParam,
        body: participantCreate,
        response: { 201: participantBatchResult },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await participants.saveParticipants(deps, req.ctx, req.params.id, [req.body], () => 'body')),
  )
  app.post(
    '/api/events/:id/participants/batch',
    {
      schema: {
        tags,
        params: eventIdParam,
        body: participantBatch,
        response: { 201: participantBatchResult },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await participants.saveParticipants(
            deps,
            req.ctx,
            req.params.id,
            req.body.rows,
            (i) => `body.rows.${i}`,
          ),
        ),
  )
  app.patch(
    '/api/events/:id/participants/:participantId',
    {
      schema: { tags, params: participantParams, body: participantPatch, response: { 200: participantView } },
    },
    (req) => participants.patchParticipant(deps, req.ctx, req.params.id, req.params.participantId, req.body),
  )
  app.delete(
    '/api/events/:id/participants/:participantId',
    {
      schema: {
        tags,
        params: participantParams,
        querystring: participantDeleteQuery,
        response: { 204: z.null().describe('Fjernet') },
      },
    },
    async (req, reply) => {
      await participants.removeParticipant(
        deps,
        req.ctx,
        req.params.id,
        req.params.participantId,
        req.query.version,
      )
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/api/events/:id/contacts',
    { schema: { tags, params: eventIdParam, body: makeContactsBody, response: { 200: makeContactsResult } } },
    (req) => makeContacts(deps, req.ctx, req.params.id, req.body),
  )
  app.post(
    '/api/events/:id/participants/:participantId/convert-to-case',
    {
      schema: {
        tags,
        params: participantParams,
        body: convertParticipantBody,
        response: { 201: convertParticipantResult },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await convertParticipant(deps, req.ctx, req.params.id, req.params.participantId, req.body)),
  )
}
