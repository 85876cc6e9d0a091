import { TaggedPdf } from '../../pdf/tagged-pdf'
import type { Language, NoticeText } from './letters.texts'

const LANG: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }

/**
 * Renders the notice as a tagged A4 PDF in Noto Sans: headings are H1/H2, everything else
 * paragraphs, in reading order, with the letter's language set. Every Norwegian and Sámi letter
 * of a name prints as written.
 */
export async function renderNoticePdf(
  notice: NoticeText,
  meta: { author: string; language: Language },
): Promise<Buffer> {
  const pdf = new TaggedPdf({ title: notice.title, author: meta.author, lang: LANG[meta.language] })
  let headings = 0
  for (const line of notice.lines) {
    if (!line.text) {
      pdf.gap(0.6)
      continue
    }
    switch (line.style) {
      case 'heading':
        // The first heading is the letter's title; the later ones are its sections.
        pdf.block(headings++ === 0 ? 'H1' : 'H2', line.text, { bold: true, size: 15, gapBefore: 0.3 })
        break
      case 'bold':
        pdf.block('P', line.text, { bold: true })
        break
      case 'small':
        pdf.block('P', line.text, { size: 9 })
        break
      default:
        pdf.block('P', line.text)
    }
  }
  return pdf.finish()
}
