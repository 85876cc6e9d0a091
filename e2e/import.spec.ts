import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { syntheticNationalId } from '../src/server/seed/synthetic-id'
import { expectNoSeriousA11yViolations, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Import (SPEC §6) through the browser: an Administrator of Oslo downloads the template, fills it
 * programmatically (one column header renamed, one bad row), uploads it, fixes the mapping, sees
 * the dry-run errors, imports the valid rows and finds the persons in the case list.
 */
const t = setupBrowserPage()
const suffix = Date.now().toString(36).slice(-4)
const persons = [
  { id: syntheticNationalId('1933-03-03', 7), first: `Importert${suffix}`, last: 'Åsheim' },
  { id: syntheticNationalId('1934-04-04', 7), first: `Hentet${suffix}`, last: 'Ødegård' },
]

async function filledTemplate(page: Page) {
  const res = await page.request.get('/api/imports/template.xlsx')
  expect(res.status()).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await res.body()) as never)
  const ws = wb.getWorksheet('Tilfeller')!
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[]
  const col = (h: string) => headers.indexOf(h) + 1
  // A municipality's own word for the test date: the mapping must be fixed by hand.
  ws.getRow(1).getCell(col('Testdato')).value = 'Prøvedato'
  const add = (r: number, values: Record<string, unknown>) => {
    for (const [h, v] of Object.entries(values)) ws.getRow(r).getCell(col(h)).value = v as never
  }
  for (const [i, p] of persons.entries())
    add(i + 2, {
      Fødselsnummer: p.id,
      Fornavn: p.first,
      Etternavn: p.last,
      Testdato: '02.03.2021',
      Testtype: 'PCR',
    })
  ws.getRow(1).getCell(col('Testdato')).value = 'Prøvedato'
  add(4, { Fornavn: 'Uten', Etternavn: 'Dato', Testdato: 'i går' })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('import', () => {
  it('template → upload → mapping → dry-run errors → import valid rows → case list', async () => {
    const { page } = t
    await loginAs(page, 'Ola Administrator', { returnTo: '/import' })
    await page.getByRole('heading', { name: 'Import av tidligere registreringer' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'import')
    const file = await filledTemplate(page)
    await page.getByLabel(/^Fil/).setInputFiles({
      name: 'tidligere-tilfeller.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    })
    await page.getByRole('button', { name: 'Last opp' }).click()
    await page.getByRole('heading', { name: 'Import av tidligere-tilfeller.xlsx' }).waitFor()

    await page.getByLabel('Felt: Prøvedato').selectOption({ label: 'Testdato' })
    await page.getByRole('button', { name: 'Lagre kobling' }).click()
    await page.getByText('Koblingen er lagret.').waitFor()
    await expectNoSeriousA11yViolations(page, 'import-kobling')

    await page.getByRole('button', { name: 'Kontroller filen' }).click()
    const report = page.getByTestId('import-report')
    await report.waitFor({ timeout: 30_000 })
    await expect.poll(() => report.textContent()).toContain('«i går» er ikke en dato')
    await page.getByText('3 rader: 2 gyldige, 1 med feil').waitFor()
    await expectNoSeriousA11yViolations(page, 'import-kontroll')

    await page.getByLabel('Importer bare de gyldige radene').check()
    await page.getByRole('button', { name: 'Importer', exact: true }).click()
    await page.getByText(/Importert: 2 tilfeller/).waitFor({ timeout: 60_000 })

    await page.goto(`/saker?q=${encodeURIComponent(persons[0]!.first)}`)
    await page.getByText(persons[0]!.first).first().waitFor()
    await page.goto(`/saker?q=${encodeURIComponent(persons[1]!.first)}`)
    await page.getByText(persons[1]!.first).first().waitFor()
  })
})
