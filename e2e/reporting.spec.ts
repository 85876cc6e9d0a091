import { type Page, request } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { osloDate } from '../src/shared/domain/dates'
import { isoWeekOf, previousWeek } from '../src/shared/domain/isoWeek'
import { expectNoSeriousA11yViolations, newContext, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Weekly reporting (SPEC §5) in the browser: Oslo's Report user reviews last week and submits it,
 * and sees the dashboard built from the demo registrations; the FHI analyst finds Oslo as
 * submitted in the national table; the operator creates an API client, and the submitted report
 * is fetched through the machine API with those credentials. Every page is axe-scanned.
 */
const t = setupBrowserPage()
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' })
const week = previousWeek(isoWeekOf(osloDate(new Date())).key).key

describe('weekly reporting', () => {
  it('the Report user submits last week', async () => {
    const { page } = t
    await loginAs(page, 'Randi Rapport')
    await nav(page).getByRole('link', { name: 'Ukesrapport' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ukesrapport til FHI' }).waitFor()
    const report = page.getByTestId('weekly-report')
    await report.getByRole('heading', { level: 2, name: `Uke ${week}, Oslo` }).waitFor()
    const summary = page.getByTestId('weekly-summary')
    const casesRow = summary.getByRole('row').filter({ hasText: 'Nye tilfeller' })
    expect(await casesRow.getByRole('cell').first().textContent()).toMatch(/^\d+$/)
    // New close contacts (distinct persons by exposure date) and, beside it, the week's workload.
    await summary.getByRole('row').filter({ hasText: 'Nærkontakter registrert i uka' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'ukesrapport')

    const first = page.getByRole('button', { name: `Send inn uke ${week}` })
    if (await first.isVisible()) await first.click()
    else {
      // A rerun against the same server: the week was submitted before, so give a reason.
      await page.getByLabel('Begrunnelse for ny innsending').fill('Ny kjøring av testen')
      await page.getByRole('button', { name: 'Send inn på nytt' }).click()
    }
    await page
      .getByRole('status')
      .filter({ hasText: `Uke ${week} er sendt inn` })
      .waitFor()
    await page.getByTestId('submitted-info').filter({ hasText: 'av Randi Rapport' }).waitFor()
    await page.getByTestId('weekly-versions').waitFor()
    expect(await page.getByText('Ingen endringer siden innsending.').isVisible()).toBe(true)
    await expectNoSeriousA11yViolations(page, 'ukesrapport-innsendt')
  })

  it('the dashboard renders with the demo data', async () => {
    const { page } = t
    await loginAs(page, 'Randi Rapport')
    await nav(page).getByRole('link', { name: 'Dashbord' }).click()
    await page.getByRole('heading', { level: 1, name: 'Dashbord' }).waitFor()
    const kpis = page.getByTestId('dashboard-kpis')
    await kpis.waitFor()
    const cases = kpis.getByRole('listitem').filter({ hasText: /^Nye tilfeller/ })
    expect(Number(await cases.locator('.rp-kpi__value').textContent())).toBeGreaterThan(0)
    // Four charts, drawn as SVG, each with its table behind "Vis som tabell".
    const charts = page.getByTestId('dashboard-charts')
    await charts.locator('svg').first().waitFor()
    expect(await charts.locator('.rp-chart[role="img"]').count()).toBe(4)
    await charts.getByText('Vis som tabell').first().click()
    await charts.getByRole('table').first().waitFor()
    await expectNoSeriousA11yViolations(page, 'dashbord')

    // Save the selection as a fixed report and open it.
    await page.getByLabel('Navn på rapporten').fill(`Ukestall ${Date.now()}`)
    await page.getByRole('button', { name: 'Lagre som fast rapport' }).click()
    await page.getByRole('status').filter({ hasText: 'er lagret' }).waitFor()
    await page.getByTestId('saved-reports').getByRole('link').first().click()
    await page.getByTestId('saved-table').waitFor()
    await expectNoSeriousA11yViolations(page, 'fast-rapport')
  })

  it('the FHI analyst sees Oslo as submitted, and the machine API returns the report', async () => {
    const { page } = t
    await loginAs(page, 'Fredrik Analytiker')
    await nav(page).getByRole('link', { name: 'Nasjonal oversikt' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nasjonal oversikt' }).waitFor()
    await page.getByTestId('national-overview').waitFor()
    expect(await page.getByTestId('submitted-count').textContent()).toMatch(
      new RegExp(`^[1-9]\\d* av \\d+ aktive kommuner har sendt inn for uke ${week}`),
    )
    const oslo = page.getByTestId('national-municipalities').locator('tr[data-kommune="0301"]')
    await oslo.getByText(/^Innsendt v\d+$/).waitFor()
    // FHI sees every version Oslo submitted for the week.
    await oslo.getByText('Versjoner').click()
    await page.getByTestId('versions-0301').getByRole('row').nth(1).waitFor()
    await expectNoSeriousA11yViolations(page, 'nasjonal-oversikt')

    // The operator creates a machine client for FHI.
    const operator = await newContext(t.context.browser()!)
    const opPage = await operator.newPage()
    await loginAs(opPage, 'Kari Driftsen')
    await nav(opPage).getByRole('link', { name: 'API-klienter' }).click()
    const clientId = `fhi-e2e-${Date.now().toString(36)}`
    await opPage.getByLabel('Navn', { exact: true }).fill('FHI e2e')
    await opPage.getByLabel('Klient-ID').fill(clientId)
    await opPage.getByRole('button', { name: 'Opprett klient' }).click()
    const secret = (await opPage.getByTestId('api-client-secret').locator('code').textContent())!.trim()
    await expectNoSeriousA11yViolations(opPage, 'api-klienter')
    await operator.close()

    // A machine client: no session cookie, only client credentials.
    const api = await request.newContext({ baseURL: inject('baseUrl') })
    const auth = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`
    const res = await api.get(`/api/fhi/weekly-reports?week=${week}`, { headers: { authorization: auth } })
    expect(res.status()).toBe(200)
    const body = await res.json()
    const report = body.reports.find((r: { kommune: string }) => r.kommune === '0301')
    expect(report).toMatchObject({ kommuneName: 'Oslo', fylke: '03' })
    expect(report.version).toBeGreaterThanOrEqual(1)
    expect(report.report.settings).toHaveLength(10)
    const denied = await api.get(`/api/fhi/weekly-reports?week=${week}`, {
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:feil`).toString('base64')}` },
    })
    expect(denied.status()).toBe(401)
    await api.dispose()
  })
})
