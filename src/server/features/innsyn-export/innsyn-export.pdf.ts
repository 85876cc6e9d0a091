import { TaggedPdf } from '../../pdf/tagged-pdf'
import type { InnsynData } from './innsyn-export.service'

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

const show = (v: unknown) =>
  v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v)

/**
 * The same content as the JSON export, as a printable, tagged A4 document (one block per
 * record): H1 title, H2 per section, H3 per record, paragraphs for the fields.
 */
export async function renderInnsynPdf(data: InnsynData): Promise<Buffer> {
  const title = 'Innsyn – opplysninger om deg'
  const pdf = new TaggedPdf({ title, lang: 'nb-NO', margin: 50 })
  pdf.block('H1', title, { bold: true, size: 15 })
  pdf.block('P', `Kommune ${data.kommune}. Laget ${data.generatedAt}.`, { size: 9 })
  pdf.block('P', data.note, { size: 9 })
  pdf.block('H2', 'Personopplysninger', { bold: true, size: 12, gapBefore: 0.5 })
  for (const [k, v] of Object.entries(data.person))
    pdf.block('P', `${k}: ${show(v)}`, { size: 9, indent: 10 })
  for (const [key, heading] of SECTIONS) {
    const rows = data[key] as Record<string, unknown>[]
    pdf.block('H2', `${heading} (${rows.length})`, { bold: true, size: 12, gapBefore: 0.5 })
    rows.forEach((row, i) => {
      pdf.block('H3', `${i + 1}.`, { bold: true, size: 9, indent: 10 })
      for (const [k, v] of Object.entries(row)) pdf.block('P', `${k}: ${show(v)}`, { size: 9, indent: 20 })
    })
  }
  return pdf.finish()
}
