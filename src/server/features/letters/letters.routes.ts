import { documentIdParam, documentView, letterCreate, measureIdParam } from '../../../shared/api/measures'
import type { AppPlugin } from '../../http/types'
import * as service from './letters.service'

const tags = ['brev']

export const letterRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.post(
    '/api/measures/:id/letters',
    { schema: { tags, params: measureIdParam, body: letterCreate, response: { 200: documentView } } },
    (req) => service.createLetter(deps, req.ctx, req.params.id, req.body.language),
  )
  // Binary answer: no JSON response schema (like the CSV exports).
  app.get('/api/documents/:id/content', { schema: { tags, params: documentIdParam } }, async (req, reply) => {
    const doc = await service.readDocument(deps, req.ctx, req.params.id)
    return reply
      .header('content-type', doc.content_type)
      .header('content-disposition', `attachment; filename="${doc.filename}"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(doc.content))
  })
}
