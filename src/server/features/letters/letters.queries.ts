import type { Insertable } from 'kysely'
import type { DocumentView } from '../../../shared/api/measures'
import type { PersonDocumentsTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'

const META = [
  'd.id',
  'd.person_id',
  'd.measure_id',
  'd.kind',
  'd.language',
  'd.title',
  'd.filename',
  'd.byte_size',
  'd.created_at',
  'd.created_by',
] as const

function documents(trx: Trx, kommune: string) {
  return trx
    .selectFrom('person_documents as d')
    .leftJoin('users as u', 'u.id', 'd.created_by')
    .select(META)
    .select('u.name as created_by_name')
    .where('d.kommune', '=', kommune)
}
type DocRow = Awaited<ReturnType<typeof documentsFor>>[number]

export async function documentsFor(trx: Trx, kommune: string, measureIds: string[]) {
  if (measureIds.length === 0) return []
  return documents(trx, kommune)
    .where('d.measure_id', 'in', measureIds)
    .orderBy('d.created_at', 'desc')
    .execute()
}

export async function findDocument(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return documents(trx, kommune).where('d.id', '=', id).executeTakeFirst()
}

export async function documentContent(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('person_documents')
    .select(['content', 'content_type', 'filename', 'person_id'])
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .executeTakeFirst()
}

export async function insertDocument(trx: Trx, values: Insertable<PersonDocumentsTable>) {
  return trx.insertInto('person_documents').values(values).returning('id').executeTakeFirstOrThrow()
}

export function presentDocument(d: DocRow): DocumentView {
  return {
    id: d.id,
    personId: d.person_id,
    measureId: d.measure_id,
    kind: d.kind,
    language: d.language,
    title: d.title,
    filename: d.filename,
    byteSize: d.byte_size,
    createdAt: new Date(d.created_at).toISOString(),
    createdBy: d.created_by ? { id: d.created_by, name: d.created_by_name ?? '' } : null,
  }
}
