import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Retention (SPEC §8, issue 12) through the browser: Oslo's Administrator opens "Sletting og
 * oppbevaring", places a legal hold on a record due within 30 days and releases it again, by
 * keyboard, with axe scans of the page and both dialogs.
 */
const t = setupBrowserPage()

/** Types given the shortest period, one by one, when nothing is due within 30 days. */
const CANDIDATES = ['Nærkontakt', 'Oppfølgingssamtale', 'Indekstilfelle'] as const

/** Waits for the preview to settle: its table, or the "nothing due" text. */
async function previewState(page: Page): Promise<'rows' | 'empty'> {
  const table = page.getByTestId('retention-preview')
  const empty = page.getByText('Ingenting blir slettet de neste 30 dagene.')
  await table.or(empty).first().waitFor()
  return (await table.isVisible()) ? 'rows' : 'empty'
}

/** Sets one type's period on the page and waits for the confirmation and the new preview. */
async function setPeriod(page: Page, type: string, days: number) {
  await page.getByLabel(`Oppbevaringstid i dager for ${type}`).fill(String(days))
  const refreshed = page.waitForResponse((r) => r.url().includes('/api/retention/preview'))
  await page.getByRole('button', { name: `Lagre oppbevaringstid for ${type}` }).click()
  await page.getByText(`Oppbevaringstiden for ${type} er lagret: ${days} dager.`).waitFor()
  await refreshed
}

/** Lets the dialog's opening transition finish, so axe measures the final colours. */
async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
}

async function activateByKeyboard(button: Locator) {
  await button.focus()
  await button.press('Enter')
}

describe('retention and legal hold', () => {
  it('the Administrator places a legal hold on a record due for deletion and releases it', async () => {
    const { page } = t
    await loginAs(page, 'Ola Administrator')
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' })
    await nav.getByRole('link', { name: 'Sletting og oppbevaring' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sletting og oppbevaring' }).waitFor()
    const settings = page.getByTestId('retention-settings')
    await settings.getByRole('rowheader', { name: 'Indekstilfelle' }).waitFor()
    // The defaults are shown (docs/retention.md): cases 365 days from the day the case was closed.
    const caseRow = settings
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Indekstilfelle' }) })
    expect(await caseRow.textContent()).toMatch(/Saken ble avsluttet.*365 dager/)
    expect(await page.getByLabel('Oppbevaringstid i dager for Indekstilfelle').inputValue()).toBe('365')

    // The demo data may have nothing due within 30 days: then one type after another gets the shortest period.
    const shortened: string[] = []
    try {
      for (const type of CANDIDATES) {
        if ((await previewState(page)) === 'rows') break
        shortened.push(type)
        await setPeriod(page, type, 7)
      }
      await page.getByTestId('retention-preview').waitFor()
      await expectNoSeriousA11yViolations(page, 'oppbevaring')
      const preview = page.getByTestId('retention-preview')
      const holdButton = preview.getByRole('button', { name: /^Sett på vent \(legal hold\): / }).first()
      const label = (await holdButton.getAttribute('aria-label')) ?? ''
      const record = label.replace(/^Sett på vent \(legal hold\): /, '')
      expect(record).not.toBe('')

      await activateByKeyboard(holdButton)
      const holdDialog = page.getByRole('dialog', { name: 'Sett på vent (legal hold)' })
      await holdDialog.waitFor()
      // A reason is required (at least 3 characters), shown on the field.
      await holdDialog.getByLabel('Begrunnelse').fill('x')
      await holdDialog.getByRole('button', { name: 'Sett på vent' }).click()
      await holdDialog.getByText('Må ha minst 3 tegn').first().waitFor()
      await holdDialog.getByLabel('Begrunnelse').fill('Tilsynssak 2025/0142 fra Statsforvalteren')
      await settled(page)
      await expectNoSeriousA11yViolations(page, 'oppbevaring-sett-paa-vent')
      await holdDialog.getByLabel('Begrunnelse').press('Enter')
      await page.getByText(`${record} holdes nå tilbake.`).waitFor()
      await holdDialog.waitFor({ state: 'hidden' })

      const holds = page.getByTestId('retention-holds')
      const holdRow = holds.getByRole('row').filter({ hasText: 'Tilsynssak 2025/0142 fra Statsforvalteren' })
      await holdRow.waitFor()
      expect(await holdRow.textContent()).toContain('Ola Administrator')
      // The preview shows the record as held, with the reason.
      await preview.getByText('Begrunnelse: Tilsynssak 2025/0142 fra Statsforvalteren').waitFor()

      await activateByKeyboard(holdRow.getByRole('button', { name: `Opphev tilbakeholdet for ${record}` }))
      const releaseDialog = page.getByRole('dialog', { name: 'Opphev tilbakeholdet' })
      await releaseDialog.waitFor()
      await releaseDialog.getByLabel('Begrunnelse for å oppheve').fill('Tilsynssaken er avsluttet')
      await settled(page)
      await expectNoSeriousA11yViolations(page, 'oppbevaring-opphev')
      await releaseDialog.getByRole('button', { name: 'Opphev tilbakeholdet' }).click()
      await page.getByText(`Tilbakeholdet for ${record} er opphevet.`).waitFor()
      await holdRow.waitFor({ state: 'detached' })
      await page.getByText(/^Opphevede tilbakehold: \d+\.$/).waitFor()
      await preview
        .getByText('Begrunnelse: Tilsynssak 2025/0142 fra Statsforvalteren')
        .waitFor({ state: 'detached' })
      await expectNoSeriousA11yViolations(page, 'oppbevaring-etter')
    } finally {
      // Back to the defaults, so the scheduled job never sees the short periods.
      if (shortened.length > 0) await page.keyboard.press('Escape')
      for (const type of shortened) {
        await page.getByRole('button', { name: `Bruk standard oppbevaringstid for ${type}` }).click()
        await page.getByText(new RegExp(`^Oppbevaringstiden for ${type} er lagret: \\d+ dager\\.$`)).waitFor()
      }
    }
  })
})
