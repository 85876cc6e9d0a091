import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { syntheticNationalId } from '../src/server/seed/synthetic-id'
import { expectNoSeriousA11yViolations, newContext, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Access administration and onboarding (SPEC §2, §9) through the browser: Oslo's Administrator
 * gives a new colleague access, who then logs in; the operator records Bærum's checklist and
 * activates it, appointing its first Administrator. Every page is axe-scanned.
 */
const t = setupBrowserPage()

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' })

/** A second, independent browser session (own cookies, own fake ID-porten session). */
async function freshPage(): Promise<Page> {
  const context = await newContext(t.context.browser()!)
  return context.newPage()
}

describe('access administration', () => {
  it('the Administrator of Oslo adds a user, who can then log in', async () => {
    const { page } = t
    await loginAs(page, 'Ola Administrator')
    // Other features add their own entries; ours are there for the Administrator.
    expect(await nav(page).getByRole('link').allInnerTexts()).toEqual(
      expect.arrayContaining(['Brukere og tilgang', 'Tilgangsgjennomgang', 'Oppstart']),
    )
    await nav(page).getByRole('link', { name: 'Brukere og tilgang' }).click()
    await page.getByRole('heading', { level: 1, name: 'Brukere og tilgang' }).waitFor()
    await page.getByTestId('users-table').getByRole('link', { name: 'Siri Sporer' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'brukere')

    await page.getByRole('link', { name: 'Legg til bruker' }).click()
    await page.getByRole('heading', { level: 1, name: 'Legg til bruker' }).waitFor()
    // A real-looking number is refused in the test environment, on the field.
    await page.getByLabel('Fødselsnummer').fill('13097248022')
    await page.getByLabel('Navn').fill('Nora Nyansatt')
    await page.getByLabel('E-post').fill('nora@oslo.example.test')
    await page.getByRole('button', { name: 'Gi tilgang' }).click()
    await page.getByText('I testmiljøet kan bare syntetiske fødselsnumre brukes').first().waitFor()
    await expectNoSeriousA11yViolations(page, 'legg-til-bruker-feil')

    await page.getByLabel('Fødselsnummer').fill(syntheticNationalId('1993-02-11', 3))
    await page.getByRole('checkbox', { name: 'Rapportbruker' }).check()
    await page.getByRole('button', { name: 'Gi tilgang' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nora Nyansatt' }).waitFor()
    await page.getByText('Brukeren er lagt til og kan logge inn.').waitFor()
    expect(await page.getByTestId('user-facts').textContent()).toMatch(/Kommunebruker, Rapportbruker/)
    await expectNoSeriousA11yViolations(page, 'bruker')

    await nav(page).getByRole('link', { name: 'Tilgangsgjennomgang' }).click()
    await page.getByTestId('access-review').getByRole('cell', { name: 'Nora Nyansatt' }).first().waitFor()
    await expectNoSeriousA11yViolations(page, 'tilgangsgjennomgang')

    const nora = await freshPage()
    try {
      await loginAs(nora, 'Nora Nyansatt')
      // A report user sees the onboarding checklist, but not the Administrator's pages.
      const links = await nav(nora).getByRole('link').allInnerTexts()
      expect(links).toContain('Oppstart')
      expect(links).not.toContain('Brukere og tilgang')
      expect(links).not.toContain('Tilgangsgjennomgang')
      await nav(nora).getByRole('link', { name: 'Oppstart' }).click()
      await nora.getByRole('heading', { level: 1, name: 'Oppstart' }).waitFor()
      await nora.getByText('Oslo ble aktivert').waitFor()
      await expectNoSeriousA11yViolations(nora, 'oppstart-rapportbruker')
    } finally {
      await nora.context().close()
    }
  })
})

describe('the Administrator', () => {
  it('manages own sub-units, start-up settings, and switches a user off and on', async () => {
    const { page } = t
    await loginAs(page, 'Ola Administrator')
    await page.goto('/organisasjon/0301')
    const own = page.getByTestId('own-subunits')
    await own.getByRole('heading', { name: 'Kommunens egne enheter' }).waitFor()
    await own.getByLabel('Navn', { exact: true }).fill('Smitteteam sentrum')
    await own.getByRole('button', { name: 'Legg til enhet' }).click()
    await own.getByRole('cell', { name: 'Smitteteam sentrum', exact: true }).waitFor()
    await expectNoSeriousA11yViolations(page, 'egne-enheter')
    await own.getByRole('button', { name: 'Gi nytt navn til Smitteteam sentrum' }).click()
    await own.getByLabel('Nytt navn på Smitteteam sentrum').fill('Smitteteam indre by')
    await own.getByRole('button', { name: 'Lagre navnet' }).click()
    await own.getByRole('cell', { name: 'Smitteteam indre by', exact: true }).waitFor()
    await own.getByRole('button', { name: 'Avvikle Smitteteam indre by' }).click()
    await own.getByRole('button', { name: 'Bekreft avvikling av Smitteteam indre by' }).click()
    const row = own.getByRole('row').filter({ hasText: 'Smitteteam indre by' })
    await row.getByText('Avviklet').waitFor()

    await nav(page).getByRole('link', { name: 'Oppstart' }).click()
    await page.getByRole('heading', { level: 1, name: 'Oppstart' }).waitFor()
    await page.getByLabel('Dato for oppstart').fill('2024-05-02')
    await page.getByLabel('Kontaktperson', { exact: true }).fill('Pia Prosjektleder')
    await page.getByRole('button', { name: 'Lagre', exact: true }).click()
    await page.getByText('Lagret.').waitFor()
    await expectNoSeriousA11yViolations(page, 'oppstart-administrator')

    await page.goto('/brukere?q=Per')
    await page.getByTestId('users-table').getByRole('link', { name: 'Per Smittesporer' }).click()
    await page.getByRole('heading', { level: 1, name: 'Per Smittesporer' }).waitFor()
    await page.getByLabel('Begrunnelse (valgfri)').fill('Permisjon')
    await page.getByRole('button', { name: 'Deaktiver tilgangen' }).click()
    await page.getByRole('button', { name: 'Gi tilgang igjen' }).waitFor()
    expect(await page.getByTestId('user-facts').textContent()).toMatch(/Deaktivert av administrator/)
    await expectNoSeriousA11yViolations(page, 'bruker-deaktivert')
    await page.getByRole('button', { name: 'Gi tilgang igjen' }).click()
    await page.getByRole('button', { name: 'Deaktiver tilgangen' }).waitFor()
    expect(await page.getByTestId('user-facts').textContent()).toMatch(/RollerKommunebruker/)
  })
})

describe('onboarding', () => {
  it('the operator records the four steps for Bærum and activates it with a first Administrator', async () => {
    const { page } = t
    await loginAs(page, 'Kari Driftsen')
    await nav(page).getByRole('link', { name: 'Kommuner' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kommuner' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'kommuner')
    await page.getByLabel('Kommunenavn eller -nummer').fill('Bærum')
    await page.getByRole('button', { name: 'Søk' }).click()
    await page.getByTestId('kommuner-table').getByRole('link', { name: 'Bærum' }).click()
    await page.getByRole('heading', { level: 1, name: 'Bærum (3201)' }).waitFor()

    // Activation is refused while steps are missing.
    await fillAdmin(page)
    await page.getByRole('button', { name: 'Aktiver og utnevn administrator' }).click()
    await page.getByText('Kommunen kan ikke aktiveres ennå').waitFor()
    await expectNoSeriousA11yViolations(page, 'kommune-sjekkliste')

    for (const step of ['dpia', 'ros', 'dpa', 'service_annex']) {
      const item = page.getByTestId(`step-${step}`)
      await item.getByRole('button', { name: /^Registrer: / }).click()
      await item.getByLabel('Merknad (valgfri)').fill('Mottatt på e-post')
      await item.getByRole('button', { name: 'Registrer', exact: true }).click()
      await item.getByText(/Registrert \d/).waitFor()
    }
    await page.getByRole('button', { name: 'Aktiver og utnevn administrator' }).click()
    await page.getByText('Bærum ble aktivert').waitFor()
    await page.getByText('Administratorer: Bente Bærum.').waitFor()
    await expectNoSeriousA11yViolations(page, 'kommune-aktivert')

    const bente = await freshPage()
    try {
      await loginAs(bente, 'Bente Bærum')
      await nav(bente).getByRole('link', { name: 'Brukere og tilgang' }).click()
      await bente.getByTestId('users-table').getByRole('link', { name: 'Bente Bærum' }).waitFor()
    } finally {
      await bente.context().close()
    }
  })
})

async function fillAdmin(page: Page) {
  await page.getByLabel('Administratorens fødselsnummer').fill(syntheticNationalId('1980-08-08', 5))
  await page.getByLabel('Administratorens navn').fill('Bente Bærum')
  await page.getByLabel('Administratorens e-post').fill('bente@baerum.example.test')
}
