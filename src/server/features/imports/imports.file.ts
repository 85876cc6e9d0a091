import { Readable } from 'node:stream'
import { createInflateRaw, inflateRawSync } from 'node:zlib'
import { IMPORT_LIMITS } from '../../../shared/api/imports'
import { AppError } from '../../http/errors'

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

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  offset: number
}

/** The central directory of a zip: entry names and sizes (no entry is unpacked). */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw corrupt()
  const count = bytes.readUInt16LE(eocd + 10)
  let p = bytes.readUInt32LE(eocd + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw corrupt()
    const nameLen = bytes.readUInt16LE(p + 28)
    const extraLen = bytes.readUInt16LE(p + 30)
    const commentLen = bytes.readUInt16LE(p + 32)
    entries.push({
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      offset: bytes.readUInt32LE(p + 42),
      name: bytes.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
    })
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** The compressed bytes of an entry (after its local header). */
function entryData(bytes: Buffer, e: ZipEntry): Buffer {
  const nameLen = bytes.readUInt16LE(e.offset + 26)
  const extraLen = bytes.readUInt16LE(e.offset + 28)
  const start = e.offset + 30 + nameLen + extraLen
  return bytes.subarray(start, start + e.compressedSize)
}

/** One (small) entry's content, for [Content_Types].xml. */
function readEntry(bytes: Buffer, e: ZipEntry): string {
  const data = entryData(bytes, e)
  return (e.method === 0 ? data : inflateRawSync(data)).toString('utf8')
}

/** An entry's content as a stream, unpacked as it is read (a big sheet is never held whole). */
export function entryStream(bytes: Buffer, e: ZipEntry): Readable {
  const data = Readable.from([entryData(bytes, e)])
  return e.method === 0 ? data : data.pipe(createInflateRaw())
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/**
 * Sheet file number → sheet name, read from xl/workbook.xml and its rels. The streaming reader
 * only knows names when workbook.xml comes before the sheets in the zip, which not every writer
 * does (exceljs itself puts it last).
 */
export function sheetNamesByFile(bytes: Buffer): Map<string, string> {
  const entries = zipEntries(bytes)
  const wb = entries.find((e) => e.name === 'xl/workbook.xml')
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')
  const out = new Map<string, string>()
  if (!wb || !rels) return out
  const targets = new Map<string, string>()
  for (const m of readEntry(bytes, rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1]
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1]
    if (id && target) targets.set(id, target)
  }
  for (const m of readEntry(bytes, wb).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1]
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1]
    const file = rid ? /sheet(\d+)\.xml$/.exec(targets.get(rid) ?? '')?.[1] : undefined
    if (name !== undefined && file) out.set(file, unescapeXml(name))
  }
  return out
}

/** Whether the workbook counts dates from 1904 (old Mac Excel). */
export function workbookDate1904(bytes: Buffer): boolean {
  const wb = zipEntries(bytes).find((e) => e.name === 'xl/workbook.xml')
  return !!wb && /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(readEntry(bytes, wb))
}

const corrupt = () =>
  refused('corrupt', 'Filen er skadet og kan ikke leses. Åpne den i Excel, lagre på nytt og last opp igjen.')

/** Macros (a .xlsm renamed to .xlsx), zip bombs and non-workbooks are refused before reading. */
function checkZip(bytes: Buffer) {
  const entries = zipEntries(bytes)
  const names = new Set(entries.map((e) => e.name))
  if ([...names].some((n) => /vbaProject\.bin$/i.test(n)))
    throw refused(
      'macros',
      'Filen inneholder makroer. Lagre den som «Excel-arbeidsbok (.xlsx)» uten makroer og last opp på nytt.',
    )
  const types = entries.find((e) => e.name === '[Content_Types].xml')
  if (!types || !names.has('xl/workbook.xml')) throw corrupt()
  let contentTypes: string
  try {
    contentTypes = readEntry(bytes, types)
  } catch {
    throw corrupt()
  }
  if (/macroEnabled/i.test(contentTypes))
    throw refused('macros', 'Filen er en makroaktivert arbeidsbok. Lagre den som .xlsx uten makroer.')
  const unpacked = entries.reduce((n, e) => n + e.size, 0)
  if (unpacked > IMPORT_LIMITS.maxUnpackedBytes)
    throw refused('too-large', 'Filen er for stor når den pakkes ut. Del den i flere filer.')
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
