import ExcelJS from 'exceljs'
import {
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  type ImportField,
  RECORD_TYPE_SHEETS,
  RECORD_TYPES,
  templateChoices,
} from '../../../shared/api/imports'

const ROWS = 5000
const YES_NO = ['Ja', 'Nei']

const col = (n: number) => {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

/**
 * The downloadable template (SPEC §6): one sheet per record type with the Norwegian headers the
 * import recognises, drop-down lists for code lists, yes/no and the relations between sheets,
 * date-formatted date columns, and an instructions sheet.
 */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Smittespor'
  instructions(wb.addWorksheet('Veiledning'))
  const lists = wb.addWorksheet('Lister', { state: 'veryHidden' })
  const listRanges = new Map<string, string>()
  const codeLists = [
    ...new Set(RECORD_TYPES.flatMap((t) => IMPORT_FIELDS[t].map((f) => f.codes).filter(Boolean))),
  ]
  ;[...codeLists, 'yesNo'].forEach((name, i) => {
    const values = name === 'yesNo' ? YES_NO : templateChoices(name!)
    values.forEach((v, r) => {
      lists.getCell(r + 1, i + 1).value = v
    })
    listRanges.set(name!, `Lister!$${col(i + 1)}$1:$${col(i + 1)}$${values.length}`)
  })
  for (const type of RECORD_TYPES) {
    const ws = wb.addWorksheet(RECORD_TYPE_SHEETS[type], { views: [{ state: 'frozen', ySplit: 1 }] })
    const fields = IMPORT_FIELDS[type]
    ws.columns = fields.map((f) => ({ header: f.header, width: Math.max(14, f.header.length + 4) }))
    const header = ws.getRow(1)
    header.font = { bold: true }
    fields.forEach((f, i) => {
      const c = header.getCell(i + 1)
      if (f.required) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } }
      if (f.help) c.note = f.help
      validation(ws, f, `${col(i + 1)}2:${col(i + 1)}${ROWS}`, listRanges)
      if (f.kind === 'date') ws.getColumn(i + 1).numFmt = 'dd.mm.yyyy'
      if (f.kind === 'nationalId' || f.kind === 'reference' || f.field === 'phone')
        ws.getColumn(i + 1).numFmt = '@'
    })
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function validation(ws: ExcelJS.Worksheet, f: ImportField, range: string, lists: Map<string, string>) {
  const list =
    f.kind === 'code'
      ? lists.get(f.codes!)
      : f.kind === 'boolean'
        ? lists.get('yesNo')
        : f.field === 'caseRef'
          ? `'${RECORD_TYPE_SHEETS.cases}'!$A$2:$A$${ROWS}`
          : f.field === 'eventRef'
            ? `'${RECORD_TYPE_SHEETS.events}'!$A$2:$A$${ROWS}`
            : undefined
  if (!list) return
  ;(
    ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [list],
    showErrorMessage: true,
    // Relations may also be a national id, so a value outside the list is only a warning.
    errorStyle: f.kind === 'reference' ? 'warning' : 'stop',
    errorTitle: 'Ugyldig verdi',
    error: 'Velg en verdi fra listen',
  })
}

function instructions(ws: ExcelJS.Worksheet) {
  ws.getColumn(1).width = 110
  const lines = [
    'Mal for import av tidligere registreringer i Smittespor',
    '',
    'Fyll ut ett ark per type: Tilfeller (person og indekstilfelle), Nærkontakter, Hendelser og Deltakere.',
    'Gule overskrifter er påkrevd. Hold musen over en overskrift for forklaring.',
    'Datoer skrives dd.mm.åååå (også åååå-mm-dd går). Ja/nei-kolonner: «Ja» eller «Nei».',
    'Nærkontakter viser til indekstilfellet med «Ekstern ID» fra arket Tilfeller, eller med fødselsnummeret.',
    'Deltakere viser til hendelsen med «Ekstern ID» fra arket Hendelser.',
    'Personer med fødselsnummer kobles til personen som allerede finnes i registeret.',
    'Uten fødselsnummer: finnes en lignende person, må du skrive «Ja» i «Bekreft ny person».',
    'Samme rad importeres aldri to ganger (gjenkjennes på «Ekstern ID» eller på innholdet).',
    'Ikke bruk formler eller makroer: lim inn som verdier. Filen lagres som .xlsx (eller CSV med semikolon).',
    `Grenser: ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB, ${IMPORT_LIMITS.maxRows.toLocaleString('nb-NO')} rader, ${IMPORT_LIMITS.maxColumns} kolonner per ark.`,
    '',
    'Etter opplasting: kontroller koblingen av kolonner, kjør prøveimport, rett feil, og importer.',
  ]
  lines.forEach((l, i) => {
    ws.getCell(i + 1, 1).value = l
  })
  ws.getCell(1, 1).font = { bold: true, size: 14 }
}
