import { describe, expect, it } from 'vitest'
import { CSV_BOM } from '../../csv/norwegian-csv'
import { accessReviewCsv } from './access-review'

describe('access review CSV', () => {
  it('Norwegian Excel setting, and formulas in names and revoking users neutralised', () => {
    const csv = accessReviewCsv([
      {
        id: 'g1',
        userId: 'u1',
        name: '=HYPERLINK("http://evil.example","Klikk")',
        nationalIdMasked: '150180*****',
        role: 'tracer',
        validFrom: '2024-01-02',
        validTo: null,
        grantedAt: '2024-01-02T08:00:00.000Z',
        grantedBy: '@Admin',
        revokedAt: null,
        revokedBy: null,
        revokeReason: null,
      },
    ])
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    const [header, row, end] = csv.slice(1).split('\r\n')
    expect(header).toBe(
      'Navn;Fødselsnummer;Rolle;Gyldig fra;Gyldig til;Tildelt;Tildelt av;Trukket tilbake;Trukket tilbake av;Årsak',
    )
    expect(row).toBe(
      `"'=HYPERLINK(""http://evil.example"",""Klikk"")";150180*****;Kommunebruker;02.01.2024;;02.01.2024 09:00:00;'@Admin;;;`,
    )
    expect(end).toBe('')
  })
})
