import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations, newContext, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * The audit log (sikkerhetslogg, SPEC §2) in the browser: Oslo's Administrator finds their own
 * login and a read of a person, filters, opens the details, downloads CSV and makes an innsyn
 * report; the national operator checks the log's integrity. Every page is axe-scanned.
 */
const t = setupBrowserPage()

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' })
const logTable = (page: Page) => page.getByTestId('audit-log')

/** Registers and opens a person through the API, as the browser app would (CSRF header included). */
async function registerAndReadPerson(page: Page, firstName: string, lastName: string) {
  return page.evaluate(
    async ([firstName, lastName]) => {
      const csrf = decodeURIComponent(document.cookie.match(/(?:^|; )csrf=([^;]*)/)?.[1] ?? '')
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf }
      const created = await fetch('/api/persons', {
        method: 'POST',
        headers,
        body: JSON.stringify({ firstName, lastName, birthDate: '1977-03-03', confirmNew: true }),
      })
      if (!created.ok) throw new Error(`POST /api/persons: ${created.status} ${await created.text()}`)
      const { person } = await created.json()
      const read = await fetch(`/api/persons/${person.id}`)
      if (!read.ok) throw new Error(`GET /api/persons/:id: ${read.status}`)
      return person.id as string
    },
    [firstName, lastName] as const,
  )
}

describe('audit log', () => {
  it('the Administrator sees their own login and a read of a person, filters, exports and makes an innsyn report', async () => {
    const { page } = t
    await loginAs(page, 'Ola Administrator')
    const personId = await registerAndReadPerson(page, 'Eline', 'Loggsen')

    await nav(page).getByRole('link', { name: 'Sikkerhetslogg' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sikkerhetslogg' }).waitFor()
    const table = logTable(page)
    await table.waitFor()
    const login = table
      .getByRole('row')
      .filter({ hasText: 'Innlogging' })
      .filter({ hasText: 'Ola Administrator' })
    expect(await login.count()).toBeGreaterThan(0)
    const read = table
      .getByRole('row')
      .filter({ hasText: 'Så personopplysninger' })
      .filter({ hasText: 'Eline Loggsen' })
    expect(await read.count()).toBe(1)
    expect(await read.getByRole('cell').first().textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/)
    await expectNoSeriousA11yViolations(page, 'sikkerhetslogg')

    // Filter on the action; the address keeps the filter.
    await page.getByLabel('Handling', { exact: true }).selectOption('person.read')
    await page.getByRole('button', { name: 'Vis', exact: true }).click()
    await page.waitForURL(/action=person\.read/)
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Innlogging' }).count()).toBe(0)
    const row = table.getByRole('row').filter({ hasText: 'Eline Loggsen' })
    await row.getByRole('button', { name: /^Vis detaljer/ }).click()
    await page.getByText(personId).first().waitFor()
    expect(await row.getByRole('button', { name: /^Skjul detaljer/ }).getAttribute('aria-expanded')).toBe(
      'true',
    )
    await expectNoSeriousA11yViolations(page, 'sikkerhetslogg-detaljer')

    // The CSV link carries the same filter; the file is Norwegian-Excel CSV.
    const href = await page.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href')
    expect(href).toBe('/api/audit-log.csv?action=person.read')
    const csv = await page.request.get(href!)
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
    const body = await csv.text()
    expect(body.charCodeAt(0)).toBe(0xfeff)
    expect(body).toContain('Tidspunkt;Bruker;Bruker-ID;Roller;Handling;')
    expect(body).toContain(';Så personopplysninger;person.read;Person;')

    // Innsyn: pick the person by name.
    await page
      .getByRole('navigation', { name: 'Sider i sikkerhetsloggen' })
      .getByRole('link', { name: 'Innsyn for person' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Innsyn for person' }).waitFor()
    await page.getByLabel('Søk etter person').fill('Loggsen')
    await page.getByRole('button', { name: /^Velg Eline Loggsen/ }).click()
    await page.getByRole('heading', { level: 2, name: /^Innsyn for Eline Loggsen/ }).waitFor()
    const innsyn = page.getByTestId('innsyn')
    const actions = await innsyn.getByRole('row').allInnerTexts()
    expect(actions.some((r) => r.includes('Registrerte person') && r.includes('Ola Administrator'))).toBe(
      true,
    )
    expect(actions.some((r) => r.includes('Så personopplysninger') && r.includes('Ola Administrator'))).toBe(
      true,
    )
    await expectNoSeriousA11yViolations(page, 'innsyn')
  })

  it('the national operator checks the integrity of the log', async () => {
    const { page } = t
    await loginAs(page, 'Kari Driftsen')
    await nav(page).getByRole('link', { name: 'Loggintegritet' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sikkerhetslogg – integritet' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'loggintegritet')
    await page.getByRole('button', { name: 'Kontroller nå' }).click()
    await page.getByRole('heading', { name: 'Sikkerhetsloggen er uendret' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'loggintegritet-resultat')
  })

  it('a tracer does not get the audit log', async () => {
    const context = await newContext(t.context.browser()!)
    const page = await context.newPage()
    try {
      await loginAs(page, 'Siri Sporer')
      expect(await nav(page).getByRole('link', { name: 'Sikkerhetslogg' }).count()).toBe(0)
      await page.goto('/sikkerhetslogg')
      await page.getByRole('heading', { level: 1, name: 'Sikkerhetslogg' }).waitFor()
      expect(await logTable(page).count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
