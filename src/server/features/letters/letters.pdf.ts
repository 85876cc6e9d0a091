import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib'
import type { NoticeText } from './letters.texts'

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 56
const SIZES = { heading: 15, bold: 11, small: 9, normal: 11 } as const

/**
 * The standard PDF fonts only cover Windows-1252 (which has æøå). A name with other letters is
 * written without its accents rather than failing the letter (e.g. "ł" → "l"), and anything left
 * becomes "?".
 */
function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet())
  return [...text]
    .map((ch) => {
      if (supported.has(ch.codePointAt(0)!)) return ch
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '').replace('ł', 'l').replace('Ł', 'L')
      return [...base].every((c) => supported.has(c.codePointAt(0)!)) && base ? base : '?'
    })
    .join('')
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  if (!text) return ['']
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  lines.push(line)
  return lines
}

/** Renders the notice on A4 pages with Helvetica; returns the PDF bytes. */
export async function renderNoticePdf(notice: NoticeText, meta: { author: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(notice.title)
  pdf.setAuthor(meta.author)
  pdf.setCreator('Smittespor')
  pdf.setProducer('Smittespor')
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  let page = pdf.addPage(A4)
  let y = A4[1] - MARGIN
  const width = A4[0] - 2 * MARGIN
  for (const line of notice.lines) {
    const style = line.style ?? 'normal'
    const size = SIZES[style]
    const font = style === 'heading' || style === 'bold' ? bold : regular
    if (style === 'heading') y -= 6
    for (const part of wrap(font, encodable(font, line.text), size, width)) {
      if (y < MARGIN + size) {
        page = pdf.addPage(A4)
        y = A4[1] - MARGIN
      }
      y -= size * 1.45
      page.drawText(part, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) })
    }
  }
  return pdf.save()
}
