import { IMPORT_LIMITS } from '../../../shared/api/imports'
import { AppError } from '../../http/errors'
import { checkUnpackedSize, corrupt, partText, zipDirectory } from './imports.zip'

/**
 * What kind of file an upload really is, decided from its bytes before anything parses it:
 * macro-enabled, encrypted (password-protected), legacy .xls, disguised and corrupt files are
 * refused with a Norwegian message naming the problem.
 */
export type FileKind = 'xlsx' | 'csv'

export const refused = (code: string, title: string) => new AppError(422, `import-${code}`, title)

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const MACRO_EXT = /\.(xlsm|xltm|xlam|xlsb|xla)$/i

/** The file's real kind from name and magic bytes, or a 422 saying why it cannot be imported. */
export function detectKind(fileName: string, bytes: Buffer): FileKind {
  const name = fileName.toLowerCase()
  if (bytes.length === 0) throw refused('empty', 'Filen er tom')
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw tooLarge()
  if (MACRO_EXT.test(name))
    throw refused(
      'macros',
      'Filer med makroer (.xlsm) tas ikke imot. Lagre filen som «Excel-arbeidsbok (.xlsx)» uten makroer.',
    )
  if (bytes.subarray(0, 8).equals(OLE)) {
    if (bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')))
      throw refused(
        'encrypted',
        'Filen er passordbeskyttet (kryptert). Fjern passordet i Excel og last opp på nytt.',
      )
    throw refused(
      'legacy-xls',
      'Filen er i det gamle Excel-formatet (.xls). Lagre den som «Excel-arbeidsbok (.xlsx)» og last opp på nytt.',
    )
  }
  const isZip = bytes.subarray(0, 4).equals(ZIP)
  if (name.endsWith('.xlsx')) {
    if (!isZip)
      throw refused(
        'disguised',
        'Filen heter .xlsx, men er ikke en Excel-arbeidsbok. Åpne den i Excel og lagre som .xlsx.',
      )
    checkZip(bytes)
    return 'xlsx'
  }
  if (name.endsWith('.csv') || name.endsWith('.txt')) {
    if (isZip || looksBinary(bytes))
      throw refused(
        'disguised',
        'Filen heter .csv, men inneholder ikke tekst. Lagre den som «CSV (semikolondelt)» og last opp på nytt.',
      )
    return 'csv'
  }
  if (name.endsWith('.xls'))
    throw refused('legacy-xls', 'Filen er i det gamle Excel-formatet (.xls). Lagre den som .xlsx.')
  throw refused(
    'type',
    'Filtypen støttes ikke. Last opp en Excel-arbeidsbok (.xlsx) eller en CSV-fil (.csv).',
  )
}

export const tooLarge = () =>
  new AppError(
    413,
    'import-too-large',
    `Filen er for stor. Største tillatte størrelse er ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB – del den i flere filer.`,
  )

/** NUL bytes or many control characters in the first 8 KB: not a text file. */
function looksBinary(bytes: Buffer) {
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) return true
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return true
  let control = 0
  for (const b of head) if (b < 9 || (b > 13 && b < 32)) control++
  return control > head.length / 20
}

/** Macros (a .xlsm renamed to .xlsx), zip bombs and non-workbooks are refused before reading. */
function checkZip(bytes: Buffer) {
  const entries = zipDirectory(bytes)
  const names = new Set(entries.map((e) => e.name))
  if ([...names].some((n) => /vbaProject\.bin$/i.test(n)))
    throw refused(
      'macros',
      'Filen inneholder makroer. Lagre den som «Excel-arbeidsbok (.xlsx)» uten makroer og last opp på nytt.',
    )
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw corrupt()
  checkUnpackedSize(entries)
  if (/macroEnabled/i.test(partText(bytes, '[Content_Types].xml') ?? ''))
    throw refused('macros', 'Filen er en makroaktivert arbeidsbok. Lagre den som .xlsx uten makroer.')
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * Windows-1252 (what Norwegian Excel saves as "CSV (semikolondelt)"), so æøå survive both.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasBom ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' }
  }
}

/** `;`, `,` or tab: whichever splits the header line (outside quotes) into the most columns. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const line = firstLine(text)
  const counts = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t'
  return counts[','] > counts[';'] ? ',' : ';'
}

function firstLine(text: string) {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(0, i)
  }
  return text
}

/** Upper bound of data rows in a CSV (line breaks), checked before parsing. */
export function countLines(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++
  return text.endsWith('\n') ? n : n + 1
}
