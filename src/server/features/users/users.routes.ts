import {
  accessReview,
  accessReviewQuery,
  assignableUsers,
  createUserBody,
  createUserResponse,
  deactivateUserBody,
  reactivateUserBody,
  updateUserBody,
  userDetail,
  userIdParam,
  userList,
  userListQuery,
} from '../../../shared/api/users'
import { requireActor } from '../../auth/plugin'
import type { AppPlugin } from '../../http/types'
import { accessReviewExport, accessReview as getAccessReview } from './access-review'
import { listAssignable } from './assignable'
import * as service from './users.service'

const tags = ['brukere']

/** Access administration for the Administrator's active municipality (action 'user.manage'). */
export const userRoutes: AppPlugin = async (app) => {
  const db = app.deps.db
  app.get(
    '/api/users',
    { schema: { tags, querystring: userListQuery, response: { 200: userList } } },
    async (req) => service.listUsers(db, requireActor(req), req.query),
  )

  app.post(
    '/api/users',
    { schema: { tags, body: createUserBody, response: { 201: createUserResponse } } },
    async (req, reply) => {
      requireActor(req)
      const result = await service.createUser(db, req.ctx, app.deps.config.testEnvironment, req.body)
      return reply.status(201).send(result)
    },
  )

  app.get('/api/users/assignable', { schema: { tags, response: { 200: assignableUsers } } }, (req) =>
    listAssignable(app.deps, req.ctx),
  )

  app.get(
    '/api/users/:id',
    { schema: { tags, params: userIdParam, response: { 200: userDetail } } },
    async (req) => service.getUser(db, requireActor(req), req.params.id),
  )

  app.patch(
    '/api/users/:id',
    { schema: { tags, params: userIdParam, body: updateUserBody, response: { 200: userDetail } } },
    async (req) => {
      requireActor(req)
      return service.updateUser(db, req.ctx, req.params.id, req.body)
    },
  )

  app.post(
    '/api/users/:id/deactivate',
    { schema: { tags, params: userIdParam, body: deactivateUserBody, response: { 200: userDetail } } },
    async (req) => {
      requireActor(req)
      return service.deactivateUser(db, req.ctx, req.params.id, req.body)
    },
  )

  app.post(
    '/api/users/:id/reactivate',
    { schema: { tags, params: userIdParam, body: reactivateUserBody, response: { 200: userDetail } } },
    async (req) => {
      requireActor(req)
      return service.reactivateUser(db, req.ctx, req.params.id, req.body)
    },
  )

  app.get(
    '/api/access-review',
    { schema: { tags, querystring: accessReviewQuery, response: { 200: accessReview } } },
    async (req) => {
      requireActor(req)
      return getAccessReview(db, req.ctx, req.query)
    },
  )

  app.get(
    '/api/access-review.csv',
    { schema: { tags, querystring: accessReviewQuery } },
    async (req, reply) => {
      requireActor(req)
      const { filename, body } = await accessReviewExport(db, req.ctx, req.query)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(body)
    },
  )
}
