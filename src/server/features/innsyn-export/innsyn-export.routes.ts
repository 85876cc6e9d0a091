import { z } from 'zod'
import { uuid } from '../../../shared/api/codes'
import type { AppPlugin } from '../../http/types'
import { exportPerson } from './innsyn-export.service'

const params = z.object({ id: uuid })
const tags = ['personer']
const file = { 200: z.any().describe('JSON- eller PDF-fil') }

/** Access request (innsyn, GDPR art. 15): everything about one person, as JSON or PDF. */
export const innsynExportRoutes: AppPlugin = async (app) => {
  for (const format of ['json', 'pdf'] as const) {
    const url = format === 'json' ? '/api/persons/:id/innsyn-export' : '/api/persons/:id/innsyn-export.pdf'
    app.get(url, { schema: { tags, params, response: file } }, async (req, reply) => {
      const out = await exportPerson(app.deps, req.ctx, req.params.id, format)
      return reply
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('cache-control', 'no-store')
        .type(out.type)
        .send(out.body)
    })
  }
}
