import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { FREG_IDS } from '../src/server/fakes/freg/fixture-ids'
import { expectNoSeriousA11yViolations, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * Folkeregister lookup in demo mode (SPEC §7), against the fake Maskinporten and fake FREG the
 * server mounts: a tracer in Oslo (FREG onboarding complete in the demo data) types a synthetic
 * fødselsnummer, fetches, sees the fields filled — and a protected person's address withheld —
 * and registers the person; a failed lookup is explained; Bergen (onboarding incomplete) is told
 * what is missing. Every page is axe-scanned, the preview dialog too.
 */
const t = setupBrowserPage()

const idField = (page: Page) => page.getByLabel('Fødselsnummer eller D-nummer')
const fetchButton = (page: Page) => page.getByRole('button', { name: 'Hent fra Folkeregisteret' })
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Opplysninger fra Folkeregisteret' })

async function fetchAndFill(page: Page, nationalId: string) {
  await idField(page).fill(nationalId)
  await fetchButton(page).click()
  await dialog(page).waitFor()
}

describe('Folkeregister lookup', () => {
  it('fills the form from FREG, withholds a protected address, and registers the person', async () => {
    const { page } = t
    await loginAs(page, 'Siri Sporer', { returnTo: '/folkeregister', kommune: 'Oslo' })
    await page.getByRole('heading', { level: 1, name: 'Registrer person fra Folkeregisteret' }).waitFor()
    await expectNoSeriousA11yViolations(page, 'folkeregister')

    // Strengt fortrolig: names and birth date filled, the address only as its protection level.
    await fetchAndFill(page, FREG_IDS.strengtFortrolig)
    expect(await dialog(page).getByTestId('freg-facts').textContent()).toContain('Stille Ugle')
    await dialog(page)
      .getByTestId('freg-protected')
      .getByText(/Strengt fortrolig/)
      .waitFor()
    await expectNoSeriousA11yViolations(page, 'folkeregister-forhandsvisning')
    await dialog(page).getByRole('button', { name: 'Fyll ut skjemaet' }).click()
    expect(await page.getByLabel('Fornavn').inputValue()).toBe('Stille')
    expect(await page.getByLabel('Etternavn').inputValue()).toBe('Ugle')
    expect(await page.getByLabel('Fødselsdato').inputValue()).toBe('1979-02-27')
    await page
      .getByTestId('freg-address-withheld')
      .getByText(/Adressen er skjermet \(Strengt fortrolig\)/)
      .waitFor()
    expect(await page.getByLabel('Gateadresse').count()).toBe(0)
    expect(await page.locator('body').textContent()).not.toMatch(/Hemmeligveien/)

    // An ordinary person: the address is filled too; then register and land on the person page.
    await fetchAndFill(page, FREG_IDS.ordinary)
    await dialog(page).getByRole('button', { name: 'Fyll ut skjemaet' }).click()
    expect(await page.getByLabel('Fornavn').inputValue()).toBe('Lyseblå')
    expect(await page.getByLabel('Gateadresse').inputValue()).toBe('Storgata 12B')
    expect(await page.getByLabel('Postnummer').inputValue()).toBe('0184')
    expect(await page.getByLabel('Poststed').inputValue()).toBe('Oslo')
    expect(await page.getByTestId('freg-address-withheld').count()).toBe(0)
    await page.getByLabel('Telefon').fill('41234567')
    await page.getByRole('button', { name: 'Registrer personen' }).click()
    await page.waitForURL(/\/personer\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: 'Lyseblå Sjøhest' }).waitFor()
    await page.getByText(/Sist hentet fra Folkeregisteret/).waitFor()
    await expectNoSeriousA11yViolations(page, 'person-fra-folkeregisteret')

    // On the person page: fetch again; nothing differs, so it offers to mark the data as checked.
    await fetchButton(page).click()
    const refresh = page.getByRole('dialog', { name: 'Oppdater fra Folkeregisteret' })
    await refresh.getByText('Opplysningene i Smittespor stemmer med Folkeregisteret.').waitFor()
    await refresh.getByRole('button', { name: 'Marker som kontrollert' }).click()
    await page.getByText('Personen er oppdatert fra Folkeregisteret.').waitFor()
  })

  it('explains a failed lookup and leaves manual registration open', async () => {
    const { page } = t
    await loginAs(page, 'Per Smittesporer', { returnTo: '/folkeregister', kommune: 'Oslo' })
    await idField(page).fill(FREG_IDS.unknown)
    await fetchButton(page).click()
    await page.getByRole('heading', { name: 'Personen finnes ikke i Folkeregisteret' }).waitFor()
    await page
      .getByText(/Du kan registrere personen manuelt/)
      .first()
      .waitFor()

    await idField(page).fill(FREG_IDS.serverError)
    await fetchButton(page).click()
    await page.getByRole('heading', { name: 'Folkeregisteret er ikke tilgjengelig akkurat nå' }).waitFor()
    await page.getByText('Folkeregisteret svarte med en feil.', { exact: false }).waitFor()
    await expectNoSeriousA11yViolations(page, 'folkeregister-feil')
    expect(await page.getByRole('link', { name: 'Registrer uten Folkeregisteret (ny sak)' }).count()).toBe(1)
  })

  it('in a municipality without the FREG onboarding, the button is off and says what is missing', async () => {
    const { page } = t
    await loginAs(page, 'Ivar Sporingsen', { returnTo: '/folkeregister', kommune: 'Bergen' })
    await page
      .getByRole('heading', { name: 'Oppslag i Folkeregisteret er ikke slått på for kommunen' })
      .waitFor()
    expect(await fetchButton(page).isDisabled()).toBe(true)
    await page.getByText('Avtale om bruk av Folkeregisteret signert').waitFor()
    await expectNoSeriousA11yViolations(page, 'folkeregister-ikke-slatt-pa')
  })
})
