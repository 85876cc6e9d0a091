import { describe, expect, it } from 'vitest'
import { CSV_BOM } from '../csv/norwegian-csv'
import { auditPayload, diffFields, type FieldChange, MASKED_VALUE } from './audit'
import { auditCsv, formatOsloTime } from './audit.csv'
import type { AuditEntry } from './audit.queries'
import { testCtx } from './test-helpers'

describe('diffFields', () => {
  const cases: [string, object | null, object | null, string[] | undefined, FieldChange[]][] = [
    ['no change', { a: 1, b: 'x' }, { a: 1, b: 'x' }, undefined, []],
    ['changed scalar', { a: 1, b: 'x' }, { a: 2, b: 'x' }, undefined, [{ field: 'a', before: 1, after: 2 }]],
    ['added key', { a: 1 }, { a: 1, b: 'ny' }, undefined, [{ field: 'b', before: null, after: 'ny' }]],
    ['removed key', { a: 1, b: 'x' }, { a: 1 }, undefined, [{ field: 'b', before: 'x', after: null }]],
    ['undefined equals null', { a: undefined }, { a: null }, undefined, []],
    ['create (no before)', null, { a: 1 }, undefined, [{ field: 'a', before: null, after: 1 }]],
    ['delete (no after)', { a: 1 }, null, undefined, [{ field: 'a', before: 1, after: null }]],
    [
      'same instant, different Date objects',
      { d: new Date('2024-03-01T10:00:00Z') },
      { d: new Date('2024-03-01T10:00:00.000Z') },
      undefined,
      [],
    ],
    [
      'dates as ISO strings',
      { d: new Date('2024-03-01T10:00:00Z') },
      { d: new Date('2024-03-02T10:00:00Z') },
      undefined,
      [{ field: 'd', before: '2024-03-01T10:00:00.000Z', after: '2024-03-02T10:00:00.000Z' }],
    ],
    ['arrays by value', { s: ['hoste', 'feber'] }, { s: ['hoste', 'feber'] }, undefined, []],
    [
      'array order matters',
      { s: ['hoste', 'feber'] },
      { s: ['feber', 'hoste'] },
      undefined,
      [{ field: 's', before: ['hoste', 'feber'], after: ['feber', 'hoste'] }],
    ],
    ['objects by value, key order ignored', { o: { x: 1, y: 2 } }, { o: { y: 2, x: 1 } }, undefined, []],
    [
      'only the listed fields, in that order',
      { a: 1, b: 1, version: 1 },
      { a: 2, b: 2, version: 2 },
      ['b', 'a'],
      [
        { field: 'b', before: 1, after: 2 },
        { field: 'a', before: 1, after: 2 },
      ],
    ],
    [
      'empty string is not null',
      { a: '' },
      { a: null },
      undefined,
      [{ field: 'a', before: '', after: null }],
    ],
  ]
  it.each(cases)('%s', (_name, before, after, fields, expected) => {
    expect(diffFields(before as Record<string, unknown>, after as Record<string, unknown>, fields)).toEqual(
      expected,
    )
  })

  it('masks values of sensitive fields but still records that they changed', () => {
    const before = { address: 'Gamleveien 1', phone: '99999999' }
    const after = { address: 'Hemmelig vei 2', phone: '99999999' }
    expect(diffFields(before, after, undefined, { masked: ['address'] })).toEqual([
      { field: 'address', before: MASKED_VALUE, after: MASKED_VALUE },
    ])
    expect(
      diffFields<{ address: string | null }>({ address: null }, { address: 'Ny vei' }, ['address'], {
        masked: ['address'],
      }),
    ).toEqual([{ field: 'address', before: null, after: MASKED_VALUE }])
  })
})

describe('auditPayload', () => {
  it('defaults kommune to the actor, basis normal and outcome ok', () => {
    expect(auditPayload(testCtx('0301'), { action: 'person.read' })).toMatchObject({
      kommune: '0301',
      basis: 'normal',
      outcome: 'ok',
      reason: null,
      userName: 'Kari Testesen',
    })
  })

  it('lets the event name another kommune or none', () => {
    expect(auditPayload(testCtx('0301'), { action: 'transfer.accept', kommune: '4601' }).kommune).toBe('4601')
    expect(auditPayload(testCtx('0301'), { action: 'x.y', kommune: null }).kommune).toBeNull()
  })

  it('refuses break-glass without a reason', () => {
    expect(() => auditPayload(testCtx('0301'), { action: 'person.read', basis: 'break-glass' })).toThrow(
      'break-glass requires a reason',
    )
  })
})

describe('audit CSV', () => {
  const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
    id: 1,
    seq: 7,
    occurredAt: new Date('2024-07-01T10:15:30.000Z'),
    action: 'person.update',
    kommune: '0301',
    userId: 'u-1',
    userName: 'Åse Ødegård',
    roles: ['tracer', 'admin'],
    sessionId: 's',
    recordType: 'person',
    recordId: 'p-1',
    personId: 'p-1',
    basis: 'normal',
    reason: null,
    outcome: 'ok',
    ip: '192.0.2.1',
    requestId: 'r-1',
    ...over,
  })

  it('guards against formulas in free text (the reason is typed by users)', () => {
    const csv = auditCsv([entry({ reason: '=HYPERLINK("x")', userName: '@evil' })])
    const row = csv.slice(1).split('\r\n')[1]!
    expect(row).toContain(`;'@evil;`)
    expect(row).toContain(`;"'=HYPERLINK(""x"")";`)
  })

  it('writes a BOM, Norwegian headers, one CRLF line per entry and Oslo time', () => {
    const csv = auditCsv([
      entry(),
      entry({
        id: 2,
        seq: 8,
        basis: 'break-glass',
        reason: 'Ringte; "akutt"\nsmittesporing',
        changes: [
          { field: 'phone', before: '99999999', after: null },
          { field: 'symptoms', before: [], after: ['hoste'] },
        ],
      }),
    ])
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe(
      'Tidspunkt;Bruker-ID;Bruker;Roller;Kommune;Handling;Posttype;Post-ID;Person-ID;Grunnlag;' +
        'Begrunnelse;Resultat;IP-adresse;Forespørsel-ID;Endrede felt;Løpenummer',
    )
    expect(lines[1]).toBe(
      '01.07.2024 12:15:30;u-1;Åse Ødegård;Kommunebruker (smittesporer), Administrator;0301;person.update;person;p-1;p-1;Ordinær;;OK;192.0.2.1;r-1;;7',
    )
    expect(lines[2]).toBe(
      '01.07.2024 12:15:30;u-1;Åse Ødegård;Kommunebruker (smittesporer), Administrator;0301;person.update;person;p-1;p-1;Nødtilgang;' +
        '"Ringte; ""akutt""\nsmittesporing";OK;192.0.2.1;r-1;"phone: 99999999 → –\nsymptoms: [] → [""hoste""]";8',
    )
    expect(lines[3]).toBe('')
    expect(lines).toHaveLength(4)
  })

  it('formats winter time as UTC+1', () => {
    expect(formatOsloTime(new Date('2024-01-15T23:30:00Z'))).toBe('16.01.2024 00:30:00')
  })
})
