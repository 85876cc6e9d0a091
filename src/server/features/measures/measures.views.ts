import type { MeasureView } from '../../../shared/api/measures'
import type { Trx } from '../../db/tenant'
import { notFound } from '../../http/errors'
import { callsFor } from '../followups/followups.queries'
import { documentsFor, presentDocument } from '../letters/letters.queries'
import { presentMeasure } from './measures.present'
import * as q from './measures.queries'

/** Full views (events, calls, letters) of the given measure rows. */
export async function viewsOf(trx: Trx, kommune: string, rows: q.MeasureWithPerson[], today: string) {
  const ids = rows.map((r) => r.id)
  const [events, calls, documents] = await Promise.all([
    q.eventsFor(trx, kommune, ids),
    callsFor(trx, kommune, ids),
    documentsFor(trx, kommune, ids),
  ])
  return rows.map((m) =>
    presentMeasure(m, today, { events, calls, documents: documents.map(presentDocument) }),
  )
}

export async function viewOf(trx: Trx, kommune: string, id: string, today: string): Promise<MeasureView> {
  const row = await q.findMeasure(trx, { id, kommune })
  if (!row) throw notFound('Tiltaket')
  return (await viewsOf(trx, kommune, [row], today))[0]!
}
