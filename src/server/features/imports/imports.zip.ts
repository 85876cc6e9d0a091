import { type UnzipFileInfo, unzipSync } from 'fflate'
import { IMPORT_LIMITS } from '../../../shared/api/imports'
import { AppError } from '../../http/errors'

/**
 * The zip container of an XLSX upload, read with fflate. The central directory is read first
 * without unpacking anything; a part is unpacked only into a buffer of its declared size, so a
 * zip bomb is refused on the declared sizes and one that lies about them just comes out short
 * (and then fails to parse as XML).
 */
export type ZipEntry = UnzipFileInfo

export const corrupt = () =>
  new AppError(
    422,
    'import-corrupt',
    'Filen er skadet og kan ikke leses. Åpne den i Excel, lagre på nytt og last opp igjen.',
  )

/** Entry names and sizes from the central directory. */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = []
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push(f)
        return false
      },
    })
  } catch {
    throw corrupt()
  }
  return entries
}

/** Refuses a workbook whose parts would unpack beyond the limit (a zip bomb). */
export function checkUnpackedSize(entries: ZipEntry[]) {
  const unpacked = entries.reduce((n, e) => n + e.originalSize, 0)
  if (unpacked > IMPORT_LIMITS.maxUnpackedBytes)
    throw new AppError(422, 'import-too-large', 'Filen er for stor når den pakkes ut. Del den i flere filer.')
}

/** One part unpacked, or undefined when the zip has no such part. */
export function unzipPart(bytes: Uint8Array, name: string): Uint8Array | undefined {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === name })
  } catch {
    throw corrupt()
  }
  return files[name]
}

/** A (small) part as text: [Content_Types].xml, workbook.xml and its relationships. */
export function partText(bytes: Uint8Array, name: string): string | undefined {
  const part = unzipPart(bytes, name)
  return part ? new TextDecoder().decode(part) : undefined
}
