import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { flat, pdfText } from '../src/server/pdf/pdf-text'
import { addDaysOslo, osloDate } from '../src/shared/domain/dates'
import { expectNoSeriousA11yViolations, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Isolation, quarantine and daily follow-up (SPEC §4, issue "Done when"): the operator brings in
 * new rules from three days ago; a tracer starts quarantine for three contacts and sees each end
 * date follow the rules in force on its start date, records the day's calls from "Dagens
 * oppfølging", converts the contact who reports symptoms to a case with isolation, and downloads
 * the isolation notice, whose text is checked by parsing the PDF. Every page is axe-scanned.
 */
const t = setupBrowserPage()

const today = osloDate(new Date())
const day = (n: number) => addDaysOslo(today, n)
/** 'yyyy-mm-dd' → 'dd.mm.yyyy' as the pages show dates. */
const shown = (iso: string) => iso.split('-').reverse().join('.')
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' })

async function apiPost(context: BrowserContext, page: Page, path: string, body: unknown) {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
  const res = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrf } })
  expect(res.status(), await res.text()).toBeLessThan(300)
  return res.json()
}

const NEW_RULES = 'E2E-regler: karantene 7 døgn'
/** Contacts by last exposure: A under the demo rules (10 days), B and C under the new ones (7). */
const CONTACTS = [
  { first: 'Anne', last: 'Karantenesen', exposure: day(-7), end: day(3), rules: 'Øvingsregler' },
  { first: 'Bjørn', last: 'Karantenesen', exposure: day(-3), end: day(4), rules: NEW_RULES },
  { first: 'Cecilie', last: 'Karantenesen', exposure: day(-1), end: day(6), rules: NEW_RULES },
] as const

describe('isolation, quarantine and follow-up', () => {
  it('the operator closes the practice rules and adds new ones from three days ago', async () => {
    const { page } = t
    await loginAs(page, 'Kari Driftsen', { returnTo: '/regelsett' })
    await nav(page).getByRole('link', { name: 'Regelsett' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nasjonale regelsett' }).waitFor()
    await page.getByRole('cell', { name: /^Karantene 14 døgn \(mars 2020\)/ }).waitFor()
    await expectNoSeriousA11yViolations(page, 'regelsett')

    await page.getByRole('button', { name: /^Endre Øvingsregler/ }).click()
    await page.getByLabel('Gjelder til og med (tom: til videre)').fill(day(-4))
    await page.getByRole('button', { name: 'Lagre regelsettet' }).click()
    await page.getByRole('button', { name: 'Nytt regelsett' }).waitFor()

    await page.getByRole('button', { name: 'Nytt regelsett' }).click()
    await page.getByLabel('Id', { exact: true }).fill('e2e-regler')
    await page.getByLabel('Navn', { exact: true }).fill(NEW_RULES)
    await page.getByLabel('Gjelder fra').fill(day(-5))
    // Overlaps the practice rules by two days: the shared rule check says so before saving.
    await page.getByText('Regelsettene «demo-ovelse» og «e2e-regler» gjelder samtidig').waitFor()
    await page.getByLabel('Gjelder fra').fill(day(-3))
    await page.getByLabel('Karantene (døgn etter siste eksponering, tom: ingen plikt)').fill('7')
    await page.getByLabel('Isolasjon (døgn etter symptomstart eller test, tom: ingen plikt)').fill('5')
    await page.getByLabel('Kilde').fill('Regler for ende-til-ende-testen')
    await expectNoSeriousA11yViolations(page, 'regelsett-nytt')
    await page.getByRole('button', { name: 'Lagre regelsettet' }).click()
    await page.getByRole('cell', { name: new RegExp(`^${NEW_RULES}`) }).waitFor()
    expect(await page.getByRole('row', { name: new RegExp(NEW_RULES) }).textContent()).toContain(
      `fra ${shown(day(-3))}`,
    )
  })

  it('a tracer quarantines three contacts, follows them up, and one becomes a case with isolation', async () => {
    const { page, context } = t
    await loginAs(page, 'Siri Sporer', { returnTo: '/oppfolging' })
    const index = await apiPost(context, page, '/api/cases', {
      person: { firstName: 'Ida', lastName: 'Indeksdatter', birthDate: '1990-01-01', confirmNew: true },
      testDate: day(-7),
      testType: 'pcr',
      symptomatic: true,
      onsetDate: day(-8),
    })
    const contactIds: string[] = []
    for (const c of CONTACTS) {
      const saved = await apiPost(context, page, `/api/cases/${index.id}/contacts`, {
        person: {
          firstName: c.first,
          lastName: c.last,
          birthDate: '1991-02-03',
          phone: '90000010',
          confirmNew: true,
        },
        relation: 'friend',
        lastExposure: c.exposure,
      })
      contactIds.push(saved.items[0].contactId)
    }

    // Quarantine from each contact's page: the dates follow the rules in force on the exposure day.
    for (const [i, c] of CONTACTS.entries()) {
      await page.goto(`/kontakter/${contactIds[i]}`)
      const panel = page.getByTestId('measures-panel')
      await panel.getByTestId('measure-preview').waitFor()
      expect(await panel.getByTestId('measure-preview').textContent()).toContain(
        `${shown(c.exposure)} – ${shown(c.end)}`,
      )
      if (i === 0) await expectNoSeriousA11yViolations(page, 'kontakt-start-karantene')
      await panel.getByRole('button', { name: 'Start karantene' }).click()
      const card = panel.getByTestId('measure-quarantine')
      await card
        .getByTestId('measure-period')
        .getByText(`${shown(c.exposure)} – ${shown(c.end)}`)
        .waitFor()
      expect(await card.textContent()).toContain(c.rules)
    }
    await expectNoSeriousA11yViolations(page, 'kontakt-karantene')

    // Dagens oppfølging: day 7 of A, day 3 of B and day 1 of C are all today.
    await nav(page).getByRole('link', { name: 'Dagens oppfølging' }).click()
    await page.getByRole('heading', { level: 1, name: 'Dagens oppfølging' }).waitFor()
    const table = page.getByRole('table', { name: 'Dagens oppfølging' })
    // Today's call per person (days already past when the quarantine started are listed too,
    // marked "etterregistrert").
    const row = (first: string) =>
      table
        .getByRole('row')
        .filter({ hasText: `${first} Karantenesen` })
        .filter({ hasNotText: 'etterregistrert' })
    for (const c of CONTACTS) await row(c.first).waitFor()
    await expectNoSeriousA11yViolations(page, 'dagens-oppfolging')

    // Deal the three calls out round-robin between the two Oslo tracers.
    for (const c of CONTACTS)
      await row(c.first)
        .getByRole('checkbox', { name: `Velg samtale med ${c.first} Karantenesen` })
        .check()
    await page.getByRole('radio', { name: 'Rundgang mellom valgte smittesporere' }).check()
    await page.getByRole('checkbox', { name: 'Siri Sporer' }).check()
    await page.getByRole('checkbox', { name: 'Per Smittesporer' }).check()
    await page.getByRole('button', { name: 'Fordel', exact: true }).click()
    await page.getByText('3 samtaler er fordelt.').waitFor()
    await row('Anne').getByRole('cell', { name: 'Siri Sporer' }).waitFor()
    await row('Bjørn').getByRole('cell', { name: 'Per Smittesporer' }).waitFor()
    await row('Cecilie').getByRole('cell', { name: 'Siri Sporer' }).waitFor()
    await page.getByLabel('Smittesporer', { exact: true }).selectOption({ label: 'Mine' })
    await row('Bjørn').waitFor({ state: 'detached' })
    await row('Cecilie').waitFor()

    // A: reached, no symptoms.
    await page.getByLabel('Smittesporer', { exact: true }).selectOption({ label: 'Alle' })
    await row('Anne')
      .getByRole('button', { name: /Registrer samtale/ })
      .click()
    let dialog = page.getByRole('dialog', { name: 'Samtale med Anne Karantenesen' })
    await dialog.getByRole('radio', { name: 'Ja, nådd' }).check()
    await dialog.getByRole('group', { name: 'Har personen symptomer?' }).getByLabel('Nei').check()
    await dialog.getByRole('checkbox', { name: 'Mat' }).check()
    await expectNoSeriousA11yViolations(page, 'registrer-samtale')
    await dialog.getByRole('button', { name: 'Lagre samtalen' }).click()
    await row('Anne').waitFor({ state: 'detached' })

    // B: not reached.
    await row('Bjørn')
      .getByRole('button', { name: /Registrer samtale/ })
      .click()
    dialog = page.getByRole('dialog', { name: 'Samtale med Bjørn Karantenesen' })
    await dialog.getByRole('radio', { name: 'Nei, ikke nådd' }).check()
    await dialog.getByRole('button', { name: 'Lagre samtalen' }).click()
    await row('Bjørn').waitFor({ state: 'detached' })

    // C: symptoms since yesterday and a positive test today → contact becomes a case with isolation.
    await row('Cecilie')
      .getByRole('button', { name: /Registrer samtale/ })
      .click()
    dialog = page.getByRole('dialog', { name: 'Samtale med Cecilie Karantenesen' })
    await dialog.getByRole('radio', { name: 'Ja, nådd' }).check()
    await dialog.getByRole('group', { name: 'Har personen symptomer?' }).getByLabel('Ja').check()
    await dialog.getByLabel('Symptomer', { exact: true }).fill('Feber og hoste')
    await dialog.getByLabel('Symptomstart').fill(day(-1))
    await dialog.getByRole('group', { name: 'Er personen testet?' }).getByLabel('Ja').check()
    await dialog.getByLabel('Testdato').fill(today)
    await dialog.getByLabel('Testsvar').selectOption('positive')
    await dialog.getByRole('button', { name: 'Lagre samtalen' }).click()
    await dialog.getByText('Cecilie Karantenesen har symptomer eller positiv test.').waitFor()
    await dialog.getByRole('button', { name: 'Opprett indekstilfelle og start isolasjon' }).click()
    await page.waitForURL(/\/saker\/[0-9a-f-]{36}$/)

    // The new case has isolation from the test day, counted from the onset under the new rules (5 days).
    const panel = page.getByTestId('measures-panel')
    const isolation = panel.getByTestId('measure-isolation')
    await isolation
      .getByTestId('measure-period')
      .getByText(`${shown(today)} – ${shown(day(4))}`)
      .waitFor()
    expect(await isolation.textContent()).toContain(NEW_RULES)
    await expectNoSeriousA11yViolations(page, 'sak-isolasjon')

    // The isolation notice as PDF, parsed.
    await isolation.getByRole('button', { name: 'Lag brev (PDF)' }).click()
    const link = isolation.getByRole('link', { name: 'Last ned Melding om isolasjon (bokmål)' })
    await link.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    const file = await download.path()
    const text = flat(await pdfText(new Uint8Array(readFileSync(file))))
    expect(text).toContain('Melding om isolasjon')
    expect(text).toContain('Til: Cecilie Karantenesen')
    expect(text).toContain(`Perioden gjelder fra og med ${shown(today)} til og med ${shown(day(4))}.`)
    expect(text).toContain(`(${NEW_RULES}): isolasjon i 5 døgn`)
    expect(text).toContain('Oslo kommune')

    // C's quarantine ended "Ble smittet" on the test day, in the same request as the case.
    await page.goto(`/kontakter/${contactIds[2]}`)
    const ended = page.getByTestId('measure-quarantine')
    await ended
      .getByTestId('measure-period')
      .getByText(`${shown(day(-1))} – ${shown(today)}`)
      .waitFor()
    expect(await ended.getByTestId('measure-end-reason').textContent()).toContain('Ble smittet')
  })

  it('issue 18: quarantine, last exposure moved, conversion: quarantine ended with its calls kept as cancelled, isolation with its plan', async () => {
    const { page, context } = t
    await loginAs(page, 'Siri Sporer', { returnTo: '/oppfolging' })
    const index = await apiPost(context, page, '/api/cases', {
      person: { firstName: 'Ivar', lastName: 'Indeksen', birthDate: '1980-01-01', confirmNew: true },
      testDate: day(-5),
      testType: 'pcr',
      symptomatic: true,
      onsetDate: day(-6),
    })
    const saved = await apiPost(context, page, `/api/cases/${index.id}/contacts`, {
      person: { firstName: 'Dina', lastName: 'Flyttesen', birthDate: '1992-03-04', confirmNew: true },
      relation: 'friend',
      lastExposure: day(-1),
    })
    const contactId = saved.items[0].contactId
    await page.goto(`/kontakter/${contactId}`)
    const panel = page.getByTestId('measures-panel')
    await panel.getByRole('button', { name: 'Start karantene' }).click()
    const card = panel.getByTestId('measure-quarantine')
    await card
      .getByTestId('measure-period')
      .getByText(`${shown(day(-1))} – ${shown(day(6))}`)
      .waitFor()

    // The last exposure moves two days earlier: the quarantine and its calls follow.
    const csrf = (await context.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
    const patched = await page.request.patch(`/api/contacts/${contactId}`, {
      data: { version: 1, lastExposure: day(-3) },
      headers: { 'x-csrf-token': csrf },
    })
    expect(patched.status(), await patched.text()).toBe(200)
    await page.reload()
    await card
      .getByTestId('measure-period')
      .getByText(`${shown(day(-3))} – ${shown(day(4))}`)
      .waitFor()
    expect(await card.textContent()).toContain('Beregnet på nytt')

    // Converted to a case (one request): quarantine ended, calls kept as cancelled, isolation planned.
    const converted = await apiPost(context, page, `/api/contacts/${contactId}/convert-to-case`, {
      testDate: today,
      version: 2,
    })
    await page.reload()
    await card
      .getByTestId('measure-period')
      .getByText(`${shown(day(-3))} – ${shown(today)}`)
      .waitFor()
    expect(await card.getByTestId('measure-end-reason').textContent()).toContain('Ble smittet')
    expect(await card.textContent()).toContain('Avlyst: Ble smittet')
    await expectNoSeriousA11yViolations(page, 'kontakt-ble-smittet')
    await page.goto(`/saker/${converted.id}`)
    const isolation = page.getByTestId('measures-panel').getByTestId('measure-isolation')
    await isolation
      .getByTestId('measure-period')
      .getByText(new RegExp(`^${shown(today)} – `))
      .waitFor()
    expect(await isolation.textContent()).toContain('Oppfølgingssamtaler (')
  })
})
