import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib'
import type { InnsynData } from './innsyn-export.service'

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 50
const SIZE = 9
const LINE = 12

const SECTIONS: [keyof InnsynData, string][] = [
  ['cases', 'Smittetilfeller'],
  ['contacts', 'Nærkontakt'],
  ['eventParticipations', 'Hendelser'],
  ['measures', 'Isolasjon og karantene'],
  ['measureChanges', 'Endringer i tiltak'],
  ['followUpCalls', 'Oppfølgingssamtaler'],
  ['documents', 'Brev'],
  ['messages', 'Meldinger (SMS/e-post)'],
  ['transfers', 'Overføringer'],
  ['flags', 'Feilmeldinger'],
  ['legalHolds', 'Tilbakehold'],
  ['accessLog', 'Hvem har sett eller endret opplysningene'],
]

/** Standard fonts cover Windows-1252 only: other letters lose their accents, the rest becomes "?". */
function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet())
  return [...text]
    .map((ch) => {
      if (supported.has(ch.codePointAt(0)!)) return ch
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '')
      return base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : '?'
    })
    .join('')
}

class Writer {
  page!: PDFPage
  y = 0
  constructor(
    private pdf: PDFDocument,
    private regular: PDFFont,
    private bold: PDFFont,
  ) {
    this.newPage()
  }
  newPage() {
    this.page = this.pdf.addPage(A4)
    this.y = A4[1] - MARGIN
  }
  line(text: string, opts: { bold?: boolean; size?: number; indent?: number } = {}) {
    const font = opts.bold ? this.bold : this.regular
    const size = opts.size ?? SIZE
    const width = A4[0] - 2 * MARGIN - (opts.indent ?? 0)
    for (const part of wrap(font, encodable(font, text), size, width)) {
      if (this.y < MARGIN) this.newPage()
      this.page.drawText(part, { x: MARGIN + (opts.indent ?? 0), y: this.y, size, font })
      this.y -= size + 3
    }
  }
  gap() {
    this.y -= LINE / 2
  }
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    let w = word
    // A word wider than the line (a hash, a long id) is cut.
    while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
      if (line) lines.push(line)
      line = ''
      let cut = w.length - 1
      while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--
      lines.push(w.slice(0, cut))
      w = w.slice(cut)
    }
    const candidate = line ? `${line} ${w}` : w
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate
    else {
      lines.push(line)
      line = w
    }
  }
  lines.push(line)
  return lines
}

const show = (v: unknown) =>
  v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v)

/** The same content as the JSON export, as a printable A4 document (one block per record). */
export async function renderInnsynPdf(data: InnsynData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle('Innsyn – opplysninger om deg')
  pdf.setCreator('Smittespor')
  const w = new Writer(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  )
  w.line('Innsyn – opplysninger om deg', { bold: true, size: 15 })
  w.line(`Kommune ${data.kommune}. Laget ${data.generatedAt}.`)
  w.line(data.note)
  w.gap()
  w.line('Personopplysninger', { bold: true, size: 12 })
  for (const [k, v] of Object.entries(data.person)) w.line(`${k}: ${show(v)}`, { indent: 10 })
  for (const [key, title] of SECTIONS) {
    const rows = data[key] as Record<string, unknown>[]
    w.gap()
    w.line(`${title} (${rows.length})`, { bold: true, size: 12 })
    rows.forEach((row, i) => {
      w.line(`${i + 1}.`, { bold: true, indent: 10 })
      for (const [k, v] of Object.entries(row)) w.line(`${k}: ${show(v)}`, { indent: 20 })
    })
  }
  return pdf.save()
}
