import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations, setupBrowserPage } from './fixtures/browser'

/**
 * Smoke test of the built app on the demo data: the front page loads, and the organisation
 * browser leads from Norge via Vestland to Bergen with its eight bydeler. Every page is axe-scanned.
 */
const t = setupBrowserPage()

const BERGEN_BYDELER = [
  'Arna',
  'Bergenhus',
  'Fana',
  'Fyllingsdalen',
  'Laksevåg',
  'Ytrebygda',
  'Årstad',
  'Åsane',
]

/** The sub-unit table of the unit shown, found by its (screen-reader) caption. */
const subUnits = (page: Page, unitName: string) =>
  page.getByRole('table', { name: `Underenheter i ${unitName}` })

/** The text of the status cell in the sub-unit row whose name link is `name`. */
async function statusOf(page: Page, unitName: string, name: string) {
  const row = subUnits(page, unitName)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) })
  return (await row.getByRole('cell').nth(3).textContent())?.trim()
}

describe('smoke', () => {
  it('shows the front page with the main navigation', async () => {
    const { page } = t
    await page.goto('/')
    await page.getByRole('heading', { level: 1, name: 'Velkommen til Smittespor' }).waitFor()
    expect(await page.title()).toBe('Smittespor')
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' })
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Start', 'Organisasjon'])
    expect(await nav.getByRole('link', { name: 'Start' }).getAttribute('aria-current')).toBe('page')
    await expectNoSeriousA11yViolations(page, 'forside')
  })

  it('browses the organisation tree from Norge via Vestland to the bydeler of Bergen', async () => {
    const { page } = t
    await page.goto('/')
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Organisasjon' })
      .click()
    await page.waitForURL('**/organisasjon')
    await page.getByRole('heading', { level: 1, name: 'Norge' }).waitFor()
    // Norway has 15 fylker, plus the header row.
    expect(await subUnits(page, 'Norge').getByRole('row').count()).toBe(16)
    await expectNoSeriousA11yViolations(page, 'organisasjon-norge')

    await subUnits(page, 'Norge').getByRole('link', { name: 'Vestland', exact: true }).click()
    await page.waitForURL('**/organisasjon/46')
    await page.getByRole('heading', { level: 1, name: 'Vestland' }).waitFor()
    // Bergen is a demo municipality and active; its neighbour Kinn has not been onboarded.
    expect(await statusOf(page, 'Vestland', 'Bergen')).toBe('Aktiv')
    expect(await statusOf(page, 'Vestland', 'Kinn')).toBe('Inaktiv')
    await expectNoSeriousA11yViolations(page, 'organisasjon-vestland')

    await subUnits(page, 'Vestland').getByRole('link', { name: 'Bergen', exact: true }).click()
    await page.waitForURL('**/organisasjon/4601')
    await page.getByRole('heading', { level: 1, name: 'Bergen' }).waitFor()
    await expect.poll(() => page.title()).toBe('Bergen – Smittespor')
    const facts = page.getByTestId('org-unit-facts')
    expect(await facts.textContent()).toMatch(/Status\s*Aktiv/)
    const bergen = subUnits(page, 'Bergen')
    const names = await bergen.getByRole('row').getByRole('link').allInnerTexts()
    expect(names.sort((a, b) => a.localeCompare(b, 'nb'))).toEqual(BERGEN_BYDELER)
    expect(await statusOf(page, 'Bergen', 'Arna')).toBe('Aktiv')
    await expectNoSeriousA11yViolations(page, 'organisasjon-bergen')

    // The breadcrumbs lead back up the tree.
    const crumbs = page.getByRole('navigation', { name: 'Du er her' })
    expect(await crumbs.getByRole('link').allInnerTexts()).toEqual(['Norge', 'Vestland', 'Bergen'])
    await crumbs.getByRole('link', { name: 'Vestland', exact: true }).click()
    await page.waitForURL('**/organisasjon/46')
    await page.getByRole('heading', { level: 1, name: 'Vestland' }).waitFor()
  })

  it('opens a unit directly by its address', async () => {
    const { page } = t
    await page.goto('/organisasjon/4601')
    await page.getByRole('heading', { level: 1, name: 'Bergen' }).waitFor()
    await subUnits(page, 'Bergen').getByRole('link', { name: 'Arna', exact: true }).waitFor()
  })
})
