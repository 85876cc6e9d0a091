import { describe, expect, it } from 'vitest'
import { syntheticNationalId } from '../src/server/seed/synthetic-id'
import { expectNoSeriousA11yViolations, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * The first run (issue 26) on plain `npm start` settings — no NODE_ENV, no APP_ENV (see
 * global-setup.ts): the demo is a training environment that shows its banner and accepts the demo's
 * synthetic national ids, and its dashboard looks like a working day.
 */
const t = setupBrowserPage()

describe('first run on plain npm start', () => {
  it('shows the training banner, accepts a synthetic id and has today’s work in the demo', async () => {
    const { page } = t
    await loginAs(page, 'Siri Sporer', { kommune: 'Oslo' })
    await page.getByText('TESTMILJØ – bruk bare syntetiske testdata').first().waitFor()

    const dash = await page.evaluate(async () => {
      const res = await fetch('/api/dashboards/kommune')
      return (await res.json()) as {
        today: { isolation: number; quarantine: number }
        followUps: { due: number; overdue: number }
        totals: { knownContact: number }
        outbreaks: { active: number }
      }
    })
    expect(dash.today.isolation).toBeGreaterThan(0)
    expect(dash.today.quarantine).toBeGreaterThan(0)
    expect(dash.followUps.due + dash.followUps.overdue).toBeGreaterThan(0)
    expect(dash.outbreaks.active).toBeGreaterThan(0)

    await page.goto('/saker/ny')
    await page.getByRole('heading', { level: 1, name: 'Ny sak' }).waitFor()
    await page.getByLabel('Fødselsnummer').fill(syntheticNationalId('1991-05-13', 9))
    await page.keyboard.press('Tab')
    await page.getByText('Fødselsnummeret er ikke registrert fra før').waitFor()
    expect(await page.getByText('kan ikke brukes i produksjon').count()).toBe(0)
    await expectNoSeriousA11yViolations(page, 'first-run-ny-sak')
  })

  it('reloading /api-klienter loads the page, not the API’s 404', async () => {
    const { page } = t
    const res = await page.goto('/api-klienter')
    expect(res?.status()).toBe(200)
    expect(res?.headers()['content-type']).toMatch(/text\/html/)
  })
})
