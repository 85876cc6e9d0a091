import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { syntheticNationalId } from '../src/server/seed/synthetic-id'
import { addDaysOslo, osloDate } from '../src/shared/domain/dates'
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newContext,
  saveScreenshot,
  setupBrowserPage,
} from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Issue 17: knowing a national id gives no access to another municipality's details. Oslo's
 * tracer registers a person with phone, address and notes; Bergen's tracer types a contact with
 * the same national id into the contact grid, sees "Følges også opp av Oslo kommune" on the
 * person page, and none of Oslo's details.
 */
const t = setupBrowserPage()

const today = osloDate(new Date())
const typed = (iso: string) => iso.split('-').reverse().join('.')
const grid = (page: Page) => page.getByTestId('contact-grid')
const cell = (page: Page, column: string, row: number) =>
  grid(page).getByRole('table').getByLabel(`${column}, rad ${row}`, { exact: true })

async function apiPost(context: BrowserContext, page: Page, path: string, body: unknown) {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
  const res = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrf } })
  expect(res.status(), await res.text()).toBeLessThan(300)
  return res.json()
}

const nationalId = syntheticNationalId('1979-03-03', 5)
const OSLO = {
  phone: '41234599',
  email: 'oslo.hemmelig@example.no',
  street: 'Hemmeligveien 7',
  notes: 'OSLO-NOTAT: ringer helst etter kl 16',
}

describe('person register across municipalities', () => {
  it('Bergen registers a contact whose national id Oslo knows: notice, and none of Oslo’s details', async () => {
    const { page, context } = t
    await loginAs(page, 'Siri Sporer')
    await apiPost(context, page, '/api/persons', {
      nationalId,
      firstName: 'Olga',
      lastName: 'Oslodottir',
      ...OSLO,
    })

    const browser = await launchBrowser()
    try {
      const bergen = await newContext(browser)
      const ivar = await bergen.newPage()
      await loginAs(ivar, 'Ivar Sporingsen')
      const indexCase = await apiPost(bergen, ivar, '/api/cases', {
        person: { firstName: 'Bjarte', lastName: 'Bergensen', birthDate: '1980-02-02' },
        testDate: addDaysOslo(today, -1),
        testType: 'pcr',
        symptomatic: false,
      })
      await ivar.goto(`/saker/${indexCase.id}`)
      await ivar.getByRole('heading', { level: 1, name: 'Bjarte Bergensen' }).waitFor()
      await cell(ivar, 'Fornavn', 1).fill('Olga')
      await cell(ivar, 'Etternavn', 1).fill('Oslodottir')
      await cell(ivar, 'Fødselsnr. eller fødselsdato', 1).fill(nationalId)
      await cell(ivar, 'Telefon', 1).fill('92222222')
      await cell(ivar, 'Relasjon', 1).selectOption('friend')
      await cell(ivar, 'Siste eksponering', 1).fill(typed(addDaysOslo(today, -1)))
      await grid(ivar).getByRole('button', { name: 'Lagre kontakter' }).click()
      await grid(ivar)
        .getByText('Kontakten er lagret (1).')
        .waitFor()
        .catch(async (err) => {
          await saveScreenshot(ivar, 'bergen-grid')
          throw err
        })

      // The person page: Oslo is named, Oslo's details are not there; Bergen's phone is.
      const linked = await apiPost(bergen, ivar, '/api/persons', {
        nationalId,
        firstName: 'Olga',
        lastName: 'Oslodottir',
      })
      await ivar.goto(`/personer/${linked.person.id}`)
      await ivar.getByRole('heading', { level: 1, name: 'Olga Oslodottir' }).waitFor()
      const notice = ivar.getByTestId('person-followed-by')
      await notice.getByText('Følges også opp av Oslo kommune').waitFor()
      const text = (await ivar.locator('main').textContent()) ?? ''
      for (const v of Object.values(OSLO)) expect(text).not.toContain(v)
      const html = await ivar.content()
      for (const v of Object.values(OSLO)) expect(html).not.toContain(v)
      expect(await ivar.getByLabel('Telefon', { exact: true }).inputValue()).toBe('92222222')
      await expectNoSeriousA11yViolations(ivar, 'person-folges-ogsa-opp')
      await bergen.close()
    } finally {
      await browser.close()
    }
  })
})
