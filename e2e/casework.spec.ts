import type { BrowserContext, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { syntheticNationalId } from '../src/server/seed/synthetic-id'
import { addDaysOslo, osloDate } from '../src/shared/domain/dates'
import { expectNoSeriousA11yViolations, newContext, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Case work through the browser (SPEC §3.1–3.3, §3.7, §8 "a case with five contacts"): a tracer of
 * Oslo registers a case from a national id, types five contacts into the line-listing grid with
 * the keyboard — one of them an existing person picked with "Bruk denne" — converts one contact to
 * a case and finds it all on the case page and in the worklists. Every page is axe-scanned.
 */
const t = setupBrowserPage()

const today = osloDate(new Date())
const daysAgo = (n: number) => addDaysOslo(today, -n)
/** 'yyyy-mm-dd' → 'dd.mm.yyyy', as a tracer types it. */
const typed = (iso: string) => iso.split('-').reverse().join('.')

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' })
const grid = (page: Page) => page.getByTestId('contact-grid')
const cell = (page: Page, column: string, row: number) =>
  grid(page).getByRole('table').getByLabel(`${column}, rad ${row}`, { exact: true })

/** POST with the session cookie and the CSRF double-submit header, as the web client does. */
async function apiPost(context: BrowserContext, page: Page, path: string, body: unknown) {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
  const res = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrf } })
  expect(res.status(), await res.text()).toBeLessThan(300)
  return res.json()
}

/** Tab until the focused element matches, pressing at most `max` times (keyboard-only navigation). */
async function tabTo(page: Page, target: Locator, max = 8) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
  }
  throw new Error('Fant ikke elementet med Tab')
}

/** Waits for a dialog's opening transition: axe measures contrast through a half-faded dialog. */
async function settled(dialog: Locator) {
  await dialog.waitFor()
  await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)))
}

interface ContactRow {
  first: string
  last: string
  idOrBirth: string
  phone: string
  /** Typed into the select (type-ahead), '' to skip. */
  relation: string
  setting: string
  lastExposure: string
  /** Press Space on the husstand cell (relation "Husstand" already ticks it). */
  toggleHousehold?: boolean
}

/** Types one row from its first cell, Tab between cells; leaves focus on the last cell. */
async function typeRow(page: Page, r: ContactRow) {
  const kb = page.keyboard
  for (const value of [r.first, r.last, r.idOrBirth, r.phone]) {
    if (value) await kb.type(value)
    await kb.press('Tab')
  }
  if (r.relation) await kb.type(r.relation)
  await kb.press('Tab')
  if (r.setting) await kb.type(r.setting)
  await kb.press('Tab')
  await kb.type(r.lastExposure)
  await kb.press('Tab')
  if (r.toggleHousehold) await kb.press('Space')
}

const caseNationalId = syntheticNationalId('1990-04-12', 7)
const exposure = typed(daysAgo(1))

describe('case work', () => {
  it('registers a case with five contacts from the grid, converts one and finds it in the worklists', async () => {
    const { page, context } = t
    await loginAs(page, 'Siri Sporer', { returnTo: '/saker' })
    expect(await nav(page).getByRole('link').allInnerTexts()).toEqual(
      expect.arrayContaining(['Arbeidslister', 'Saker', 'Personer']),
    )
    expect(await nav(page).getByRole('link').allInnerTexts()).not.toContain('Feilmeldinger')

    // An existing person, who will turn up as one of the contacts.
    const existing = await apiPost(context, page, '/api/persons', {
      firstName: 'Ragnhild',
      lastName: 'Testdublett',
      birthDate: '1985-02-03',
      phone: '41234567',
      confirmNew: true,
    })

    await page.getByRole('heading', { level: 1, name: 'Saker' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'saker')

    // Ny sak: the national id is looked up when the field is left.
    await page.getByRole('link', { name: 'Ny sak' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ny sak' }).waitFor()
    await page.getByLabel('Fødselsnummer').fill(caseNationalId)
    await page.keyboard.press('Tab')
    await page.getByText('Fødselsnummeret er ikke registrert fra før').waitFor()
    expect(await page.getByLabel('Fødselsdato').inputValue()).toBe('1990-04-12')
    await page.getByLabel('Fornavn').fill('Ingrid')
    await page.getByLabel('Etternavn').fill('Indeksen')
    await page.getByLabel('Telefon').fill('98765432')
    await page.getByLabel('Gateadresse').fill('Smittesporveien 12')
    await page.getByLabel('Postnummer').fill('0150')
    await page.getByLabel('Poststed').fill('Oslo')
    await page.getByLabel('Testdato').fill(daysAgo(2))
    await page.getByLabel('Testtype').selectOption('pcr')
    await page.getByRole('group', { name: 'Har personen symptomer?' }).getByLabel('Ja').check()
    await page.getByLabel('Symptomdebut').fill(daysAgo(3))
    await page.getByLabel('Smittested').selectOption('workplace')
    await page.getByLabel('Intervjustatus').selectOption('in_progress')
    await expectNoSeriousA11yViolations(page, 'ny-sak')
    await page.getByRole('button', { name: 'Registrer sak' }).click()
    await page.waitForURL(/\/saker\/[0-9a-f-]{36}$/)
    const caseUrl = page.url()
    await page.getByRole('heading', { level: 1, name: 'Ingrid Indeksen' }).waitFor()
    expect(await page.getByTestId('infectious-period').textContent()).toContain(typed(daysAgo(5)))
    expect(await page.getByTestId('case-assignee').textContent()).toContain('Siri Sporer')
    await expectNoSeriousA11yViolations(page, 'sak')

    // Five contacts with the keyboard only. Enter in the last cell goes on to the next row.
    await cell(page, 'Fornavn', 1).focus()
    const rows: ContactRow[] = [
      {
        first: 'Kari',
        last: 'Kontaktsen',
        idOrBirth: syntheticNationalId('1992-05-06', 3),
        phone: '90000001',
        relation: 'Husstand',
        setting: '',
        lastExposure: exposure,
      },
      {
        first: 'Ola',
        last: 'Kontaktsen',
        idOrBirth: '14.02.2015',
        phone: '',
        relation: 'Husstand',
        setting: '',
        lastExposure: exposure,
      },
      {
        first: 'Ragnhild',
        last: 'Testdublett',
        idOrBirth: '03.02.1985',
        phone: '',
        relation: 'Venn',
        setting: 'Arrangement',
        lastExposure: exposure,
      },
      {
        first: 'Per',
        last: 'Kollegasen',
        idOrBirth: '01.01.1980',
        phone: '90000004',
        relation: 'Kollega',
        setting: 'Arbeidsplass',
        lastExposure: exposure,
      },
      {
        first: 'Lise',
        last: 'Venninnesen',
        // Name and birth date are the least identity a person is registered with (issue 17).
        idOrBirth: '23.09.1991',
        phone: '90000005',
        relation: 'Venn',
        setting: 'Arrangement',
        lastExposure: exposure,
      },
    ]
    for (const [i, r] of rows.entries()) {
      await typeRow(page, r)
      if (r.last === 'Testdublett') {
        // The existing person is suggested for the row; pick it instead of creating a new one.
        const useExisting = grid(page).getByRole('button', { name: /^Bruk denne: Ragnhild Testdublett/ })
        await useExisting.waitFor()
        await tabTo(page, useExisting)
        await page.keyboard.press('Enter')
        await grid(page)
          .getByText(`Rad ${i + 1} bruker en person som finnes fra før`)
          .waitFor()
        expect(await cell(page, 'Husstand', i + 1).evaluate((el) => el === document.activeElement)).toBe(true)
      }
      await page.keyboard.press('Enter')
      expect(await cell(page, 'Fornavn', i + 2).evaluate((el) => el === document.activeElement)).toBe(true)
    }
    // Relation "Husstand" ticked the husstand cell and the setting by itself.
    expect(await cell(page, 'Husstand', 1).isChecked()).toBe(true)
    expect(await cell(page, 'Smittested', 2).inputValue()).toBe('household')
    expect(await cell(page, 'Husstand', 4).isChecked()).toBe(false)
    await expectNoSeriousA11yViolations(page, 'sak-kontaktrutenett')

    await grid(page).getByRole('button', { name: 'Lagre kontakter' }).press('Enter')
    await grid(page).getByText('Kontaktene er lagret (5).').waitFor()
    const contacts = page.getByTestId('case-contacts')
    await contacts.getByRole('heading', { name: 'Nærkontakter (5)' }).waitFor()
    for (const name of [
      'Kontaktsen, Kari',
      'Kontaktsen, Ola',
      'Testdublett, Ragnhild',
      'Kollegasen, Per',
      'Venninnesen, Lise',
    ])
      await contacts.getByRole('link', { name }).waitFor()
    // The existing person was used, not registered again.
    const search = await page.request.get('/api/persons?q=Testdublett')
    const found = (await search.json()) as { items: { id: string }[] }
    expect(found.items.map((p) => p.id)).toEqual([existing.person.id])

    // Mark one contact notified from the list.
    await contacts.getByRole('button', { name: 'Marker som varslet: Per Kollegasen' }).click()
    await contacts
      .getByRole('row', { name: /Kollegasen, Per/ })
      .getByText(`Varslet ${typed(today)}`)
      .waitFor()
    await expectNoSeriousA11yViolations(page, 'sak-med-kontakter')

    // Kari tests positive: convert her to a case.
    await contacts.getByRole('link', { name: 'Kontaktsen, Kari' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nærkontakt: Kari Kontaktsen' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'kontakt')
    await page.getByRole('button', { name: 'Gjør om til sak' }).click()
    const dialog = page.getByRole('dialog')
    await settled(dialog)
    await dialog.getByLabel('Testdato').fill(today)
    await expectNoSeriousA11yViolations(page, 'gjor-om-til-sak')
    await dialog.getByRole('button', { name: 'Opprett sak' }).click()
    await page.waitForURL((url) => /\/saker\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== caseUrl)
    await page.getByRole('heading', { level: 1, name: 'Kari Kontaktsen' }).waitFor()
    await page.getByRole('link', { name: 'Var nærkontakt' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'sak-fra-kontakt')

    // Back on the first case, Kari is marked as having become a case.
    await page.goto(caseUrl)
    await page
      .getByTestId('case-contacts')
      .getByRole('row', { name: /Kontaktsen, Kari/ })
      .getByText('Ble smittet (indekstilfelle)')
      .waitFor()

    // Worklists: the case is Siri's; four contacts are still not notified.
    await nav(page).getByRole('link', { name: 'Arbeidslister' }).click()
    await page.getByRole('heading', { level: 1, name: 'Arbeidslister' }).waitFor()
    await page.getByTestId('worklist-my-cases').getByRole('link', { name: 'Indeksen, Ingrid' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'arbeidslister')
    await page.getByRole('tab', { name: /Kontakter ikke varslet/ }).click()
    const notNotified = page.getByTestId('worklist-contacts-not-notified')
    for (const name of ['Kontaktsen, Ola', 'Testdublett, Ragnhild', 'Venninnesen, Lise'])
      await notNotified.getByRole('link', { name }).waitFor()
    expect(await notNotified.getByRole('link', { name: 'Kollegasen, Per' }).count()).toBe(0)
    await expectNoSeriousA11yViolations(page, 'arbeidslister-kontakter')

    // The case list finds the case by national id.
    await nav(page).getByRole('link', { name: 'Saker' }).click()
    await page.getByLabel('Søk').fill(caseNationalId)
    await page.getByRole('table').getByRole('link', { name: 'Indeksen, Ingrid' }).waitFor()
  })

  it('keeps every typed value when a save fails, on the row and cell the server names', async () => {
    const { page } = t
    await loginAs(page, 'Per Smittesporer', { returnTo: '/saker/ny' })
    await page.getByRole('heading', { level: 1, name: 'Ny sak' }).waitFor()
    await page.getByLabel('Fornavn').fill('Tore')
    await page.getByLabel('Etternavn').fill('Tapsfri')
    await page.getByLabel('Fødselsdato').fill('1977-07-07')
    await page.getByLabel('Gateadresse').fill('Husstandsveien 5')
    await page.getByLabel('Postnummer').fill('0152')
    await page.getByLabel('Testdato').fill(daysAgo(1))
    await page.getByRole('button', { name: 'Registrer sak' }).click()
    await page.waitForURL(/\/saker\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: 'Tore Tapsfri' }).waitFor()

    const tomorrow = typed(addDaysOslo(today, 1))
    await cell(page, 'Fornavn', 1).focus()
    await typeRow(page, {
      first: 'Gyda',
      last: 'Gyldigsen',
      idOrBirth: '02.03.1991',
      phone: '91111111',
      relation: 'Familie',
      setting: '',
      lastExposure: exposure,
    })
    await page.keyboard.press('Enter')
    // The second row's last exposure is tomorrow: the server refuses the whole batch.
    await typeRow(page, {
      first: 'Frida',
      last: 'Framtidsen',
      idOrBirth: '04.05.1995',
      phone: '92222222',
      relation: 'Venn',
      setting: 'Arrangement',
      lastExposure: tomorrow,
      toggleHousehold: true,
    })
    await grid(page).getByRole('button', { name: 'Lagre kontakter' }).click()
    const summary = page.getByTestId('grid-errors')
    await summary.getByText(/Rad 2, Siste eksponering: Siste eksponering kan ikke være fram i tid/).waitFor()
    expect(await cell(page, 'Siste eksponering', 2).getAttribute('aria-invalid')).toBe('true')
    expect(await cell(page, 'Siste eksponering', 1).getAttribute('aria-invalid')).toBeNull()
    await expectNoSeriousA11yViolations(page, 'kontaktrutenett-feil')

    const expectTyped = async () => {
      expect(await cell(page, 'Fornavn', 1).inputValue()).toBe('Gyda')
      expect(await cell(page, 'Etternavn', 1).inputValue()).toBe('Gyldigsen')
      expect(await cell(page, 'Fødselsnr. eller fødselsdato', 1).inputValue()).toBe('02.03.1991')
      expect(await cell(page, 'Telefon', 1).inputValue()).toBe('91111111')
      expect(await cell(page, 'Relasjon', 1).inputValue()).toBe('family')
      expect(await cell(page, 'Siste eksponering', 1).inputValue()).toBe(exposure)
      expect(await cell(page, 'Fornavn', 2).inputValue()).toBe('Frida')
      expect(await cell(page, 'Etternavn', 2).inputValue()).toBe('Framtidsen')
      expect(await cell(page, 'Fødselsnr. eller fødselsdato', 2).inputValue()).toBe('04.05.1995')
      expect(await cell(page, 'Telefon', 2).inputValue()).toBe('92222222')
      expect(await cell(page, 'Relasjon', 2).inputValue()).toBe('friend')
      expect(await cell(page, 'Smittested', 2).inputValue()).toBe('event')
      expect(await cell(page, 'Siste eksponering', 2).inputValue()).toBe(tomorrow)
      expect(await cell(page, 'Husstand', 2).isChecked()).toBe(true)
    }
    await expectTyped()
    expect(
      await page.getByTestId('case-contacts').getByText('Ingen nærkontakter er registrert ennå.').count(),
    ).toBe(1)

    // A reload does not lose the unsaved grid either.
    await page.reload()
    await grid(page).getByText('Rader du ikke har lagret ennå, er hentet fram igjen.').waitFor()
    await expectTyped()

    // Fix the date and save: both rows are stored.
    await cell(page, 'Siste eksponering', 2).fill(exposure)
    await grid(page).getByRole('button', { name: 'Lagre kontakter' }).click()
    await grid(page).getByText('Kontaktene er lagret (2).').waitFor()
    await page.getByTestId('case-contacts').getByRole('heading', { name: 'Nærkontakter (2)' }).waitFor()
    expect(await cell(page, 'Fornavn', 1).inputValue()).toBe('')

    // "Foreslå husstand" fills a row with the person registered at the same address.
    const csrf = (await t.context.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
    const hilde = await page.request.post('/api/persons', {
      data: {
        firstName: 'Hilde',
        lastName: 'Tapsfri',
        birthDate: '1979-09-09',
        street: 'Husstandsveien 5',
        postcode: '0152',
        confirmNew: true,
      },
      headers: { 'x-csrf-token': csrf },
    })
    expect(hilde.status()).toBe(200)
    await grid(page).getByRole('button', { name: 'Foreslå husstand' }).click()
    await grid(page).getByText('Én person fra samme adresse er fylt inn.').waitFor()
    await grid(page)
      .getByText('Rad 1 bruker en person som finnes fra før: Hilde Tapsfri, født 09.09.1979')
      .waitFor()
    expect(await cell(page, 'Relasjon', 1).inputValue()).toBe('household')
    expect(await cell(page, 'Husstand', 1).isChecked()).toBe(true)
    await cell(page, 'Siste eksponering', 1).fill(exposure)
    await grid(page).getByRole('button', { name: 'Lagre kontakter' }).click()
    await page.getByTestId('case-contacts').getByRole('heading', { name: 'Nærkontakter (3)' }).waitFor()
    await page.getByTestId('case-contacts').getByRole('link', { name: 'Tapsfri, Hilde' }).waitFor()
  })

  it("shows a conflict field by field and re-applies the user's change on top", async () => {
    const { page, context } = t
    await loginAs(page, 'Siri Sporer', { returnTo: '/saker/ny' })
    await page.getByLabel('Fornavn').fill('Konrad')
    await page.getByLabel('Etternavn').fill('Konfliktsen')
    await page.getByLabel('Fødselsdato').fill('1966-06-16')
    await page.getByLabel('Testdato').fill(daysAgo(1))
    await page.getByRole('button', { name: 'Registrer sak' }).click()
    await page.waitForURL(/\/saker\/[0-9a-f-]{36}$/)
    const caseId = new URL(page.url()).pathname.split('/').pop()!
    await page.getByRole('heading', { level: 1, name: 'Konrad Konfliktsen' }).waitFor()

    // Someone else saves the case while this page is open.
    const csrf = (await context.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
    const other = await page.request.patch(`/api/cases/${caseId}`, {
      data: { version: 1, notes: 'Ringt fastlegen', travelHistory: 'Bergen' },
      headers: { 'x-csrf-token': csrf },
    })
    expect(other.status(), await other.text()).toBe(200)

    await page.getByLabel('Notater').fill('Intervju avtalt i morgen')
    await page.getByRole('button', { name: 'Lagre endringer' }).click()
    const notice = page.getByRole('alert').filter({ hasText: 'Noen andre har endret saken' })
    await notice.waitFor()
    const notes = notice.getByRole('row', { name: /Notater/ })
    expect(await notes.textContent()).toContain('Intervju avtalt i morgen')
    expect(await notes.textContent()).toContain('Ringt fastlegen')
    expect(await notice.getByRole('row', { name: /Reise/ }).textContent()).toContain('Bergen')
    expect(await page.getByLabel('Notater').inputValue()).toBe('Intervju avtalt i morgen')
    await expectNoSeriousA11yViolations(page, 'sak-konflikt')

    await notice.getByRole('button', { name: 'Lagre mine endringer på nytt' }).click()
    await page.getByText('Endringene er lagret.').waitFor()
    const saved = await (await page.request.get(`/api/cases/${caseId}`)).json()
    expect(saved).toMatchObject({ notes: 'Intervju avtalt i morgen', travelHistory: 'Bergen', version: 3 })
  })

  it('reveals a protected address with a reason, and merges two registrations of one person', async () => {
    const { page, context } = t
    await loginAs(page, 'Per Smittesporer', { returnTo: '/personer' })
    const hidden = await apiPost(context, page, '/api/persons', {
      firstName: 'Skjerma',
      lastName: 'Adressesen',
      birthDate: '1970-01-02',
      street: 'Hemmeligveien 3',
      postcode: '0151',
      place: 'Oslo',
      protectedAddress: 'fortrolig',
      confirmNew: true,
    })
    const a = await apiPost(context, page, '/api/persons', {
      firstName: 'Mergetta',
      lastName: 'Sammenslåsen',
      birthDate: '1981-08-09',
      phone: '47000001',
      confirmNew: true,
    })
    const b = await apiPost(context, page, '/api/persons', {
      firstName: 'Mergetta',
      lastName: 'Sammenslåsen',
      birthDate: '1981-08-09',
      phone: '47000002',
      email: 'mergetta@example.test',
      confirmNew: true,
    })

    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor()
    await page.getByLabel('Søk etter person').fill('Adressesen')
    await page.getByRole('link', { name: 'Adressesen, Skjerma' }).click()
    await page.getByRole('heading', { level: 1, name: 'Skjerma Adressesen' }).waitFor()
    await page.getByText('Adressen er skjermet.').waitFor()
    expect(await page.getByText('Hemmeligveien 3').count()).toBe(0)
    await expectNoSeriousA11yViolations(page, 'person-skjermet')
    await page.getByRole('button', { name: 'Vis adresse' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Vis adressen' }).click()
    await dialog.getByText('Skriv en begrunnelse (minst 5 tegn)').waitFor()
    await dialog.getByLabel('Begrunnelse').fill('Skal levere vedtak om isolasjon')
    await dialog.getByRole('button', { name: 'Vis adressen' }).click()
    await page.getByText('Hemmeligveien 3, 0151 Oslo').waitFor()
    expect(hidden.person.addressHidden).toBe(true)

    await page.goto('/personer/duplikater')
    await page.getByRole('heading', { level: 1, name: 'Mulige duplikater' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'duplikater')
    await page
      .getByRole('link', { name: /^Slå sammen Mergetta Sammenslåsen.*og Mergetta Sammenslåsen/ })
      .first()
      .click()
    await page.getByRole('heading', { level: 1, name: 'Slå sammen personer' }).waitFor()
    // The phones differ: keep the second registration's. The e-mail only it has is kept by default.
    await page
      .getByRole('group', { name: 'Telefon', exact: true })
      .getByLabel(/: 47000002$/)
      .check()
    await expectNoSeriousA11yViolations(page, 'slaa-sammen')
    await page.getByRole('button', { name: 'Se over sammenslåingen' }).click()
    await page.getByRole('heading', { name: 'Bekreft sammenslåing' }).waitFor()
    await page.getByRole('button', { name: 'Slå sammen', exact: true }).click()
    await page.getByRole('heading', { name: 'Personene er slått sammen' }).waitFor()
    await page.getByRole('link', { name: 'Åpne Mergetta Sammenslåsen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Mergetta Sammenslåsen' }).waitFor()
    // The page may first show the survivor as cached before the merge, then the refetched values.
    await expect.poll(() => page.getByLabel('Telefon', { exact: true }).inputValue()).toBe('47000002')
    expect(await page.getByLabel('E-post').inputValue()).toBe('mergetta@example.test')
    const ids = [a.person.id, b.person.id]
    expect(ids).toContain(new URL(page.url()).pathname.split('/').pop())
  })

  it('a tracer reports a wrong registration and the Administrator resolves it', async () => {
    const { page } = t
    await loginAs(page, 'Siri Sporer', { returnTo: '/saker' })
    await page.getByRole('table').getByRole('link').first().click()
    await page.waitForURL(/\/saker\/[0-9a-f-]{36}$/)
    await page.getByRole('button', { name: 'Meld feil' }).click()
    const dialog = page.getByRole('dialog')
    await settled(dialog)
    await dialog.getByLabel('Hva er feil').fill('Testdatoen er byttet med svardatoen')
    await expectNoSeriousA11yViolations(page, 'meld-feil')
    await dialog.getByRole('button', { name: 'Send' }).click()
    await page.getByText('Feilen er meldt til administratoren.').waitFor()

    const adminContext = await newContext(t.context.browser()!)
    try {
      const admin = await adminContext.newPage()
      await loginAs(admin, 'Ola Administrator', { returnTo: '/feilmeldinger' })
      await nav(admin).getByRole('link', { name: 'Feilmeldinger' }).waitFor()
      await admin.getByRole('heading', { level: 1, name: 'Feilmeldinger' }).waitFor()
      const card = admin.getByRole('listitem').filter({ hasText: 'Testdatoen er byttet med svardatoen' })
      await card.waitFor()
      expect(await card.textContent()).toContain('Meldt av Siri Sporer')
      await expectNoSeriousA11yViolations(admin, 'feilmeldinger')
      await card.getByLabel('Hva ble gjort').fill('Rettet datoene')
      await card.getByRole('button', { name: 'Marker som løst' }).click()
      await card.waitFor({ state: 'detached' })
      // The toggle's visible label takes the click for its radio.
      await admin.getByRole('radio', { name: 'Løst' }).locator('..').click()
      await admin.getByText(/Løst av Ola Administrator .*: Rettet datoene/).waitFor()
    } finally {
      await adminContext.close()
    }
  })
})
