import type { z } from 'zod'
import type { AccessReview, AccessReviewRow, accessReviewQuery } from '../../../shared/api/users'
import { municipalRoleLabels, revokeReasonLabels } from '../../../shared/api/users'
import { formatNorwegianDate } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import { formatOsloTime } from '../../audit/audit.csv'
import type { RequestContext } from '../../auth/actor'
import { csvFile } from '../../csv/norwegian-csv'
import type { Database } from '../../db/kysely'
import { inTenant } from '../../db/tenant'
import { fieldError } from '../../http/errors'
import { requireKommune } from '../../policy/policy'
import { presentReviewRow } from './users.present'
import * as q from './users.queries'

/**
 * The access review (*tilgangsgjennomgang*, SPEC §2): who held which role in the municipality
 * when, straight from the grant history in user_roles (grants are never deleted).
 */
export async function accessReview(
  db: Database,
  ctx: RequestContext,
  query: z.output<typeof accessReviewQuery>,
): Promise<AccessReview> {
  const kommune = requireKommune(ctx.actor, 'user.manage')
  if (query.from && query.to && query.from > query.to)
    throw fieldError('querystring.to', 'Til-datoen kan ikke være før fra-datoen')
  const [rows, name] = await Promise.all([
    q.listGrantsForReview(db, kommune, { from: query.from, to: query.to }),
    q.kommuneName(db, kommune),
  ])
  return {
    kommune: { code: kommune, name },
    from: query.from,
    to: query.to,
    generatedAt: new Date().toISOString(),
    items: rows.map(presentReviewRow),
  }
}

/** The review as a CSV download; the export itself is audited. */
export async function accessReviewExport(
  db: Database,
  ctx: RequestContext,
  query: z.output<typeof accessReviewQuery>,
) {
  const review = await accessReview(db, ctx, query)
  await inTenant(db, { kommune: review.kommune.code, userId: ctx.actor!.userId }, (trx) =>
    audit(trx, ctx, {
      action: 'user.access-review.export',
      recordType: 'user_roles',
      details: { from: review.from, to: review.to, rows: review.items.length },
    }),
  )
  return { filename: `tilgangsgjennomgang-${review.kommune.code}.csv`, body: accessReviewCsv(review.items) }
}

const date = (d: string | null) => (d ? formatNorwegianDate(d) : '')
const time = (t: string | null) => (t ? formatOsloTime(new Date(t)) : '')

const columns: [header: string, value: (r: AccessReviewRow) => string][] = [
  ['Navn', (r) => r.name],
  ['Fødselsnummer', (r) => r.nationalIdMasked],
  ['Rolle', (r) => municipalRoleLabels[r.role]],
  ['Gyldig fra', (r) => date(r.validFrom)],
  ['Gyldig til', (r) => date(r.validTo)],
  ['Tildelt', (r) => time(r.grantedAt)],
  ['Tildelt av', (r) => r.grantedBy ?? ''],
  ['Trukket tilbake', (r) => time(r.revokedAt)],
  ['Trukket tilbake av', (r) => r.revokedBy ?? ''],
  ['Årsak', (r) => (r.revokeReason ? (revokeReasonLabels[r.revokeReason] ?? r.revokeReason) : '')],
]

/** The review in the app's one Norwegian-Excel CSV setting (formula escaping included). */
export function accessReviewCsv(rows: AccessReviewRow[]): string {
  return csvFile([columns.map(([h]) => h), ...rows.map((r) => columns.map(([, value]) => value(r)))])
}
