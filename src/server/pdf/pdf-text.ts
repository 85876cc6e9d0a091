import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * Test helper: the text of a PDF, page by page, read with pdf.js (what a PDF viewer shows), so a
 * test checks the letter's words rather than bytes. Lines are joined with newlines; see `flat` for
 * comparing sentences that the letter wrapped.
 */
async function open(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const fonts = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`
  return pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: fonts,
    isEvalSupported: false,
  }).promise
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await open(bytes)
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    const lines: string[] = []
    let line = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      line += item.str
      if (item.hasEOL) {
        lines.push(line)
        line = ''
      }
    }
    if (line) lines.push(line)
    pages.push(lines.join('\n'))
  }
  await doc.destroy()
  return pages.join('\n')
}

/** Whitespace (including line breaks from wrapping) collapsed to single spaces. */
export const flat = (text: string) => text.replace(/\s+/g, ' ')

type StructNode = { role?: string; children?: StructNode[] }

/**
 * Test helper: what assistive technology gets from a PDF — whether it is tagged, its language and
 * title, the structure roles in reading order (first page), and the fonts used.
 */
export async function pdfTags(bytes: Uint8Array) {
  const doc = await open(bytes)
  const meta = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> }
  const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null
  const page = await doc.getPage(1)
  const roles: string[] = []
  const walk = (n: StructNode) => {
    if (n.role && n.role !== 'Root') roles.push(n.role)
    for (const c of n.children ?? []) walk(c)
  }
  walk((await page.getStructTree()) as StructNode)
  // Font dictionaries are plain objects in the file (pdfkit writes no object streams).
  const fonts = [
    ...Buffer.from(bytes)
      .toString('latin1')
      .matchAll(/\/BaseFont\s*\/([^\s/<>]+)/g),
  ].map((m) => m[1]!)
  const result = {
    marked: markInfo?.Marked === true,
    lang: meta.info.Language as string | undefined,
    title: meta.info.Title as string | undefined,
    structure: roles,
    fonts: [...new Set(fonts)],
  }
  await doc.destroy()
  return result
}
