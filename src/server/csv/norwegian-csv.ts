import { type Options, stringify } from 'csv-stringify/sync'

/**
 * Every CSV the app writes, one setting: what Norwegian Excel opens by double-click. UTF-8 with a
 * BOM (else æøå break), `;` as separator (`,` is the decimal sign), CRLF line ends, RFC 4180
 * quoting (csv-stringify), and formula escaping on every text cell.
 */
export const CSV_BOM = '\uFEFF'

/**
 * Text a spreadsheet would run as a formula (= + - @ tab CR at the start) gets a leading
 * apostrophe: names, reasons and comments are typed by users (CSV injection). Plain numbers stay
 * numbers: "-3", "12,5", "+47 22 33 44 55" cannot call anything.
 */
export function neutraliseFormula(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value
  return /^[+-]?[\d ]+([,.]\d+)?$/.test(value) ? value : `'${value}`
}

const NORWEGIAN_EXCEL: Options = {
  delimiter: ';',
  record_delimiter: 'windows',
  // csv-stringify quotes only the CRLF record delimiter; a bare line break in a cell must be quoted too.
  quoted_match: /[\r\n]/,
  cast: {
    string: neutraliseFormula,
    boolean: (v) => (v ? 'Ja' : 'Nei'),
    number: (v) => String(v).replace('.', ','),
  },
}

export type CsvCell = string | number | boolean | null | undefined

/** Rows as CSV lines (each ending in CRLF), no BOM: for a file written in chunks. */
export const csvLines = (rows: CsvCell[][]): string => stringify(rows, NORWEGIAN_EXCEL)

/** A whole CSV file: BOM, then the rows. */
export const csvFile = (rows: CsvCell[][]): string => CSV_BOM + csvLines(rows)
