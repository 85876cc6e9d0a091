import type { BrowserContext, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { syntheticNationalId } from '../src/server/seed/synthetic-id'
import { addDaysOslo, osloDate } from '../src/shared/domain/dates'
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newContext,
  setupBrowserPage,
} from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Events, chains and transfers through the browser (SPEC §3.4–3.6, issue "Done when"): a tracer of
 * Oslo registers a kindergarten event, types twelve participants into the grid with the keyboard,
 * marks the event as an outbreak, makes the participants contacts of a case, sees case, event and
 * contacts connected in the chain view, and transfers one contact to Bergen, whose tracer accepts
 * it in the browser. Every page is axe-scanned.
 */
const t = setupBrowserPage()

const today = osloDate(new Date())
const yesterday = addDaysOslo(today, -1)
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' })
const grid = (page: Page) => page.getByTestId('participant-grid')
const cell = (page: Page, column: string, row: number) =>
  grid(page).getByRole('table').getByLabel(`${column}, rad ${row}`, { exact: true })

async function apiPost(context: BrowserContext, page: Page, path: string, body: unknown) {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
  const res = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrf } })
  expect(res.status(), await res.text()).toBeLessThan(300)
  return res.json()
}

/** Waits for a dialog's opening transition: axe measures contrast through a half-faded dialog. */
async function settled(dialog: Locator) {
  await dialog.waitFor()
  await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)))
}

const CHILDREN = [
  'Astrid',
  'Birk',
  'Cornelia',
  'Didrik',
  'Embla',
  'Fredrik',
  'Gunnhild',
  'Halvard',
  'Idunn',
  'Jonas',
  'Kaia',
  'Lavrans',
].map((first, i) => ({
  first,
  last: 'Barnehagesen',
  id: syntheticNationalId(`2019-0${1 + (i % 9)}-1${i % 9}`, 40 + i),
}))

describe('events, chains and transfers', () => {
  it('registers a kindergarten outbreak with twelve participants, links them to a case and transfers one', async () => {
    const { page, context } = t
    await loginAs(page, 'Siri Sporer', { returnTo: '/hendelser' })
    expect(await nav(page).getByRole('link').allInnerTexts()).toEqual(
      expect.arrayContaining(['Hendelser', 'Smittekjeder', 'Overføringer']),
    )
    const index = await apiPost(context, page, '/api/cases', {
      person: { firstName: 'Ellen', lastName: 'Eventsen', nationalId: syntheticNationalId('1986-03-04', 21) },
      testDate: today,
      testType: 'pcr',
      symptomatic: true,
      onsetDate: yesterday,
      exposureSetting: 'kindergarten',
    })
    await page.getByRole('heading', { level: 1, name: 'Hendelser og utbrudd' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'hendelser')

    // The event.
    await page.getByRole('link', { name: 'Ny hendelse' }).click()
    await page.getByRole('heading', { level: 1, name: 'Registrer hendelse' }).waitFor()
    await page.getByLabel('Navn', { exact: true }).fill('Bursdag i Solsikken barnehage')
    await page.getByLabel('Smittested', { exact: true }).selectOption('kindergarten')
    await page.getByLabel('Sted', { exact: true }).fill('Solsikken barnehage, avdeling Blåbær')
    await page.getByLabel('Start', { exact: true }).fill(`${yesterday}T09:00`)
    await page.getByLabel('Slutt', { exact: true }).fill(`${yesterday}T15:00`)
    await page.getByLabel('Arrangør / kontaktperson').fill('Styrer Berit')
    await expectNoSeriousA11yViolations(page, 'ny-hendelse')
    await page.getByRole('button', { name: 'Registrer hendelsen' }).click()
    await page.waitForURL(/\/hendelser\/[0-9a-f-]{36}$/)
    const eventUrl = page.url()
    await page.getByRole('heading', { level: 1, name: 'Bursdag i Solsikken barnehage' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'hendelse')

    // Twelve participants with the keyboard: exposure is prefilled with the event's start.
    expect(await cell(page, 'Eksponert', 1).inputValue()).toBe(
      `${yesterday.split('-').reverse().join('.')} 09:00`,
    )
    await cell(page, 'Fornavn', 1).focus()
    for (const [i, c] of CHILDREN.entries()) {
      for (const value of [c.first, c.last, c.id, '']) {
        if (value) await page.keyboard.type(value)
        await page.keyboard.press('Tab')
      }
      await page.keyboard.press('Tab') // past the role (deltaker) to the exposure
      await page.keyboard.press('Enter')
      expect(await cell(page, 'Fornavn', i + 2).evaluate((el) => el === document.activeElement)).toBe(true)
    }
    await expectNoSeriousA11yViolations(page, 'deltakerrutenett')
    await grid(page).getByRole('button', { name: 'Lagre deltakerne' }).click()
    await grid(page).getByText('12 deltakere er lagret.').waitFor()
    const participants = page.getByTestId('participants')
    for (const c of CHILDREN)
      await participants.getByRole('link', { name: `${c.last}, ${c.first}` }).waitFor()

    // Outbreak with a common source.
    const outbreak = page.getByTestId('outbreak')
    await outbreak.getByLabel('Felles smittekilde').fill('Smittet ansatt på avdeling Blåbær')
    await outbreak.getByRole('button', { name: 'Meld som utbrudd' }).click()
    await outbreak.getByText(/meldt som utbrudd/).waitFor()
    await page.getByText('Utbrudd', { exact: true }).first().waitFor()

    // All twelve become close contacts of Ellen's case.
    await participants.getByLabel('Velg alle deltakere').check()
    const bulk = page.getByTestId('make-contacts')
    await bulk.getByText('12 deltakere valgt.').waitFor()
    await bulk.getByLabel('Søk etter tilfelle (navn eller fødselsnummer)').fill('Eventsen')
    await bulk.getByRole('radio', { name: /Ellen Eventsen/ }).check()
    await expectNoSeriousA11yViolations(page, 'hendelse-massehandling')
    await bulk.getByRole('button', { name: 'Gjør til nærkontakter' }).click()
    await bulk
      .getByText('12 nye nærkontakter, 0 koblet til eksisterende, 0 var allerede nærkontakter.')
      .waitFor()
    await participants
      .getByRole('link', { name: /^Nærkontakt \(Aktiv\)/ })
      .first()
      .waitFor()
    expect(await participants.getByRole('link', { name: /^Nærkontakt/ }).count()).toBe(12)

    // The chain: the case, the event and the twelve contacts, connected.
    await nav(page).getByRole('link', { name: 'Smittekjeder' }).click()
    await page.getByRole('heading', { level: 1, name: 'Smittekjeder' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'smittekjeder')
    await page.getByRole('link', { name: 'Vis smittekjeden til Ellen Eventsen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Smittekjede' }).waitFor()
    await page
      .getByTestId('chain-summary')
      .getByText('13 personer: 1 tilfelle, 12 nærkontakter, 1 hendelse.')
      .waitFor()
    await page.getByTestId('chain-graph').locator('canvas').first().waitFor()
    const nodes = page.getByTestId('chain-nodes')
    const rowOf = (name: string) =>
      nodes.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
    const caseRow = rowOf('Ellen Eventsen')
    expect(await caseRow.getByRole('cell').last().textContent()).toContain('→ Astrid Barnehagesen')
    const eventRow = rowOf('Bursdag i Solsikken barnehage')
    expect(await eventRow.getByRole('cell').nth(1).textContent()).toBe('Hendelse')
    expect(await eventRow.getByRole('cell').last().textContent()).toContain('→ Lavrans Barnehagesen')
    await page.locator('label', { hasText: 'Tidslinje' }).click()
    expect(await page.getByRole('radio', { name: 'Tidslinje' }).isChecked()).toBe(true)
    await expectNoSeriousA11yViolations(page, 'smittekjede')

    // Transfer Astrid's follow-up to Bergen.
    await page.goto(eventUrl)
    await participants.getByRole('button', { name: 'Overfør oppfølgingen av Astrid Barnehagesen' }).click()
    const dialog = page.getByRole('dialog')
    await settled(dialog)
    await dialog.getByLabel('Til kommune', { exact: true }).selectOption({ label: 'Bergen' })
    await dialog.getByLabel('Melding til kommunen').fill('Familien bor i Bergen fra i dag.')
    await expectNoSeriousA11yViolations(page, 'overfor')
    await dialog.getByRole('button', { name: 'Send overføringen' }).click()
    await page.getByText('Overføringen er sendt til Bergen.').waitFor()
    await page.goto('/overforinger?boks=sendt')
    await page.getByTestId('transfers-sent').getByText('Venter på svar').waitFor()
    expect(index.id).toEqual(expect.any(String))

    // Bergen's tracer accepts it.
    const browser = await launchBrowser()
    try {
      const bergen = await newContext(browser)
      const ivar = await bergen.newPage()
      await loginAs(ivar, 'Ivar Sporingsen', { returnTo: '/overforinger' })
      await ivar.getByRole('heading', { level: 1, name: 'Overføringer' }).waitFor()
      const inbox = ivar.getByTestId('transfers-inbox')
      const row = inbox.getByRole('row', { name: /Astrid Barnehagesen/ })
      await row.getByText('Familien bor i Bergen fra i dag.').waitFor()
      await expectNoSeriousA11yViolations(ivar, 'overforinger-innboks')
      await row.getByRole('button', { name: 'Godta overføringen av Astrid Barnehagesen' }).click()
      await ivar
        .getByText('Overføringen er godtatt. Astrid Barnehagesen følges nå opp av kommunen.')
        .waitFor()
      await ivar.getByRole('link', { name: 'Åpne Astrid Barnehagesen' }).first().click()
      await ivar.getByRole('heading', { level: 1, name: 'Nærkontakt: Astrid Barnehagesen' }).waitFor()
      await bergen.close()
    } finally {
      await browser.close()
    }

    // Oslo sees the transfer accepted, read-only.
    await page.goto('/overforinger?boks=sendt')
    await page.getByTestId('transfers-sent').getByText('Godtatt').waitFor()
  })
})
