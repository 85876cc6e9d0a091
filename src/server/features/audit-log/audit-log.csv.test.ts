import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../audit/audit.queries'
import { innsynCsv, logCsvHead, logCsvRows } from './audit-log.csv'

const entry: AuditEntry = {
  id: 1,
  seq: 3,
  occurredAt: new Date('2024-07-01T10:15:30.000Z'),
  action: 'person.read',
  kommune: '0301',
  userId: 'u-1',
  userName: '+SUM(1;2)',
  roles: ['tracer'],
  sessionId: 's',
  recordType: 'person',
  recordId: 'p-1',
  personId: 'p-1',
  basis: 'break-glass',
  reason: '-2+3 @kontor',
  outcome: 'ok',
  ip: '192.0.2.1',
  requestId: 'r-1',
}

describe("the Administrator's audit CSV files", () => {
  it('escape formulas in user names and free-text reasons, in the log export', () => {
    const names = new Map([
      ['p-1', { id: 'p-1', first_name: '=Ola', last_name: 'Nordmann', birth_date: null }],
    ])
    const row = logCsvRows([entry], names)
    expect(logCsvHead().startsWith('\uFEFFTidspunkt;Bruker;')).toBe(true)
    expect(row.startsWith(`01.07.2024 12:15:30;"'+SUM(1;2)";u-1;`)).toBe(true)
    expect(row).toContain(`;'=Ola Nordmann;p-1;`)
    expect(row).toContain(`;'-2+3 @kontor;`)
    expect(row.endsWith('\r\n')).toBe(true)
  })

  it('and in the innsyn report', () => {
    const csv = innsynCsv({ name: '@Kari', id: 'p-1' }, [
      { ...entry, userName: '=evil' } as unknown as Parameters<typeof innsynCsv>[1][number],
    ])
    const [title, , row] = csv.slice(1).split('\r\n')
    expect(title).toBe('Innsyn for @Kari (person-ID p-1)')
    expect(row).toContain(`;'=evil;`)
  })
})
