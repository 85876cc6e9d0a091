import type { AuditEntryView, AuditPerson, InnsynRowView } from '../../../shared/api/audit-log'
import type { AuditEntry, InnsynRow } from '../../audit/audit.queries'
import type { PersonName } from './audit-log.queries'

export type NameIndex = Map<string, PersonName>

export const nameIndex = (rows: PersonName[]): NameIndex => new Map(rows.map((p) => [p.id, p]))

export const fullName = (p: PersonName) => `${p.first_name} ${p.last_name}`

export function presentPerson(p: PersonName): AuditPerson {
  return { id: p.id, firstName: p.first_name, lastName: p.last_name, birthDate: p.birth_date }
}

export function presentEntry(e: AuditEntry, names: NameIndex): AuditEntryView {
  const person = e.personId ? names.get(e.personId) : undefined
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    userId: e.userId,
    userName: e.userName,
    roles: e.roles,
    action: e.action,
    recordType: e.recordType,
    recordId: e.recordId,
    personId: e.personId,
    personName: person ? fullName(person) : null,
    basis: e.basis,
    reason: e.reason,
    outcome: e.outcome,
    ip: e.ip,
    requestId: e.requestId,
    changes: e.changes ?? [],
    details: e.details ?? null,
  }
}

export function presentInnsynRow(r: InnsynRow): InnsynRowView {
  return {
    occurredAt: r.occurredAt.toISOString(),
    userId: r.userId,
    userName: r.userName,
    roles: r.roles,
    action: r.action,
    recordType: r.recordType,
    recordId: r.recordId,
    basis: r.basis,
    reason: r.reason,
    outcome: r.outcome,
  }
}
