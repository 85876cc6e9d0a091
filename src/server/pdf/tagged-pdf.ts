import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)
/**
 * Noto Sans, embedded (subset) in every PDF: it covers every Norwegian and Sámi letter
 * (á č đ ŋ š ŧ ž …), which the 14 standard PDF fonts cannot print. Shipped as TTF by an npm package.
 */
export const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
}

export interface PdfMeta {
  title: string
  author?: string
  /** BCP 47 language of the document, e.g. nb-NO, nn-NO, en-GB. */
  lang: string
  margin?: number
}

type Block = 'H1' | 'H2' | 'H3' | 'P'

/**
 * An accessible A4 document (pdfkit): tagged, with a structure tree (Document → H1/H2/P …) in
 * reading order, the document language and title set (shown as the window title), PDF/UA
 * identification in the metadata, and one embedded font. Text wraps and pages break by themselves.
 */
export class TaggedPdf {
  private readonly doc: PDFKit.PDFDocument
  private readonly root: PDFKit.PDFStructureElement
  private readonly done: Promise<Buffer>
  private readonly margin: number

  constructor(meta: PdfMeta) {
    this.margin = meta.margin ?? 56
    this.doc = new PDFDocument({
      size: 'A4',
      margin: this.margin,
      pdfVersion: '1.7',
      tagged: true,
      lang: meta.lang,
      displayTitle: true,
      // pdfkit knows 'PDF/UA'; its typings list only the PDF/A subsets.
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      font: FONTS.regular,
      info: {
        Title: meta.title,
        ...(meta.author ? { Author: meta.author } : {}),
        Creator: 'Smittespor',
        Producer: 'Smittespor',
      },
    })
    this.doc.registerFont('regular', FONTS.regular)
    this.doc.registerFont('bold', FONTS.bold)
    const chunks: Buffer[] = []
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c))
      this.doc.on('end', () => resolve(Buffer.concat(chunks)))
      this.doc.on('error', reject)
    })
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
  }

  /** A block of text as one structure element; wraps at the margins, continues on a new page. */
  block(
    tag: Block,
    text: string,
    o: { bold?: boolean; size?: number; indent?: number; gapBefore?: number } = {},
  ) {
    const doc = this.doc
    if (o.gapBefore) doc.moveDown(o.gapBefore)
    const width = doc.page.width - 2 * this.margin - (o.indent ?? 0)
    this.root.add(
      doc.struct(tag, {}, () => {
        doc
          .font(o.bold ? 'bold' : 'regular')
          .fontSize(o.size ?? 11)
          .fillColor('#1a1a1a')
          .text(text, this.margin + (o.indent ?? 0), doc.y, { width, lineGap: 3 })
      }),
    )
    return this
  }

  /** Vertical space with no content (not tagged: an empty paragraph means nothing to a reader). */
  gap(lines = 1) {
    this.doc.moveDown(lines)
    return this
  }

  /** Closes the structure tree and the document; resolves with the PDF bytes. */
  async finish(): Promise<Buffer> {
    this.root.end()
    this.doc.end()
    return this.done
  }
}
