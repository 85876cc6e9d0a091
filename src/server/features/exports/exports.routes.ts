import { z } from 'zod'
import { EXPORT_COLUMNS, EXPORT_TYPE_LABELS, EXPORT_TYPES, exportQuery } from '../../../shared/api/exports'
import type { AppPlugin } from '../../http/types'
import { authorize } from '../../policy/policy'
import { exportLineList } from './exports.service'

const tags = ['eksport']
const columnsView = z.object({
  types: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      columns: z.array(z.object({ key: z.string(), header: z.string() })),
    }),
  ),
})

/** Export of the line list (SPEC §6): 'export.run', the active municipality only. */
export const exportRoutes: AppPlugin = async (app) => {
  const deps = app.deps
  app.get('/api/exports/columns', { schema: { tags, response: { 200: columnsView } } }, async (req) => {
    authorize(req.ctx.actor, 'export.run')
    return {
      types: EXPORT_TYPES.map((t) => ({
        type: t,
        label: EXPORT_TYPE_LABELS[t],
        columns: EXPORT_COLUMNS[t].map(({ key, header }) => ({ key, header })),
      })),
    }
  })
  app.get('/api/exports/line-list', { schema: { tags, querystring: exportQuery } }, async (req, reply) => {
    const file = await exportLineList(deps, req.ctx, req.query)
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body)
  })
}
