import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * Test helper: the text of a PDF, page by page, read with pdf.js (what a PDF viewer shows), so a
 * test checks the letter's words rather than bytes. Lines are joined with newlines; see `flat` for
 * comparing sentences that the letter wrapped.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const fonts = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: fonts,
    isEvalSupported: false,
  }).promise
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
