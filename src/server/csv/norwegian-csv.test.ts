import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvFile, csvLines, neutraliseFormula } from './norwegian-csv'

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+cmd|" /C calc"!A0', `'+cmd|" /C calc"!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['-3', '-3'],
    ['-12,5', '-12,5'],
    ['+47 22 33 44 55', '+47 22 33 44 55'],
    ['Ola Nordmann', 'Ola Nordmann'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output)
  })
})

describe('csvFile', () => {
  it('BOM, semicolons, CRLF, quoting, Norwegian booleans and decimal comma', () => {
    const out = csvFile([
      ['Navn', 'Merknad', 'Antall', 'Andel', 'Aktiv', 'Tom'],
      ['Åse Ærlig', 'a;b "c"\nd', 3, 12.5, true, null],
    ])
    expect(out.startsWith(CSV_BOM)).toBe(true)
    expect(out).toBe(
      `${CSV_BOM}Navn;Merknad;Antall;Andel;Aktiv;Tom\r\nÅse Ærlig;"a;b ""c""\nd";3;12,5;Ja;\r\n`,
    )
  })

  it('escapes formulas in every text cell, and the file still parses back to the same text', () => {
    const out = csvLines([['=1+1', '-x', 'ok']])
    expect(out).toBe(`'=1+1;'-x;ok\r\n`)
    expect(parse(out, { delimiter: ';' })).toEqual([[`'=1+1`, `'-x`, 'ok']])
  })

  it('quotes a cell with a bare line feed or carriage return, so Excel keeps it in one cell', () => {
    expect(csvLines([['a\nb', 'c\rd', 'e']])).toBe('"a\nb";"c\rd";e\r\n')
  })
})
