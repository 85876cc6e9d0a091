import { describe, expect, it } from 'vitest'
import { syntheticNationalId } from '../src/server/seed/synthetic-id'
import { addDaysOslo, osloDate } from '../src/shared/domain/dates'
import { expectNoSeriousA11yViolations, saveScreenshot, setupBrowserPage } from './fixtures/browser'
import { loginAs } from './fixtures/login'

/**
 * The chain map tells the truth (issue 26): an index case with five direct contacts is drawn as a
 * hub with five spokes — the index node has degree 5, no contact is linked to another, and the
 * contacts lie around the hub rather than on a line.
 */
const t = setupBrowserPage()
const today = osloDate(new Date())
const NAMES = ['Erik', 'Mari', 'Kari', 'Ola', 'Eva']

describe('chain map', () => {
  it('draws a case with five contacts as a star', async () => {
    const { page } = t
    await loginAs(page, 'Siri Sporer')
    const caseId = await page.evaluate(
      async ({ names, ids, testDate, exposure }) => {
        const csrf = document.cookie.match(/(?:^|; )csrf=([^;]*)/)?.[1] ?? ''
        const post = async (url: string, body: unknown) => {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
            body: JSON.stringify(body),
          })
          if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
          return res.json()
        }
        const c = await post('/api/cases', {
          person: { firstName: 'Tor', lastName: 'Stjernesen', nationalId: ids[0] },
          testDate,
          testType: 'pcr',
          symptomatic: false,
        })
        for (const [i, name] of names.entries())
          await post(`/api/cases/${c.id}/contacts`, {
            person: { firstName: name, lastName: 'Stjernesen', nationalId: ids[i + 1] },
            relation: 'friend',
            lastExposure: exposure,
          })
        return c.id as string
      },
      {
        names: NAMES,
        ids: [0, 1, 2, 3, 4, 5].map((i) => syntheticNationalId(`19${70 + i}-03-1${i}`, 11 + i)),
        testDate: addDaysOslo(today, -1),
        exposure: addDaysOslo(today, -2),
      },
    )
    await page.goto(`/smittekjeder/sak/${caseId}`)
    await page.getByTestId('chain-summary').getByText('6 personer: 1 tilfelle, 5 nærkontakter').waitFor()
    await page.getByTestId('chain-graph').locator('canvas').first().waitFor()
    const shape = await page.getByTestId('chain-graph').evaluate((el, id) => {
      type Pos = { x: number; y: number }
      const cy = (el as unknown as { cy: import('cytoscape').Core }).cy
      const hub = cy.getElementById(id)
      const contacts = cy.nodes('[kind = "contact"]')
      const h = hub.position() as Pos
      const angles = contacts.map((n) => {
        const p = n.position() as Pos
        return Math.atan2(p.y - h.y, p.x - h.x)
      })
      angles.sort((a, b) => a - b)
      // The largest gap between neighbouring directions: a star spreads them round the hub.
      const gaps = angles.map((a, i) => (i === 0 ? a + 2 * Math.PI - angles.at(-1)! : a - angles[i - 1]!))
      return {
        layout: el.getAttribute('data-layout'),
        degree: hub.degree(false),
        contactLinks: contacts.edgesWith(contacts).length,
        maxGap: Math.max(...gaps),
      }
    }, caseId)
    expect(shape.layout).toBe('cose')
    expect(shape.degree).toBe(5)
    expect(shape.contactLinks).toBe(0)
    expect(shape.maxGap).toBeLessThan(Math.PI)
    await saveScreenshot(page, 'chain-star-1366')
    await expectNoSeriousA11yViolations(page, 'chain-star')

    await page.locator('label', { hasText: 'Tidslinje' }).click()
    await page.waitForFunction(
      () => document.querySelector('[data-testid="chain-graph"]')?.getAttribute('data-layout') === 'timeline',
    )
    const ticks = await page
      .getByTestId('chain-graph')
      .evaluate((el) => (el as unknown as { cy: import('cytoscape').Core }).cy.nodes('.tick').length)
    expect(ticks).toBeGreaterThan(0)
    await saveScreenshot(page, 'chain-star-timeline-1366')
  }, 180_000)
})
