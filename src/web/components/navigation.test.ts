import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../shared/api/roles'
import { navItems, visibleNavItems } from './navigation'

const WEB = resolve(import.meta.dirname, '..')

/** Route path → the file of the page component it renders, read from the route tables' source. */
function routeFiles(): Map<string, string> {
  const files = [join(WEB, 'routes.tsx')]
  for (const feature of readdirSync(join(WEB, 'features')))
    for (const f of readdirSync(join(WEB, 'features', feature)))
      if (f.endsWith('Routes.tsx')) files.push(join(WEB, 'features', feature, f))
  const out = new Map<string, string>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const imports = new Map<string, string>()
    for (const m of text.matchAll(/import \{ (\w+) \} from '(\.[^']+)'/g))
      imports.set(m[1] as string, resolve(dirname(file), `${m[2]}.tsx`))
    for (const m of text.matchAll(/path: '([^']+)', element: <(\w+) \/>/g)) {
      const page = imports.get(m[2] as string)
      if (page) out.set(`/${m[1]}`, page)
    }
  }
  return out
}

const guardOf = (file: string) => readFileSync(file, 'utf8').match(/<RequireCan action="([^"]+)"/)?.[1]

describe('navigation', () => {
  const pages = routeFiles()

  it('offers each guarded page with the action its guard asks', () => {
    // The menu may be narrower than the page: everyone may read the rule sets, the operator edits them.
    const narrower: Record<string, string> = { '/regelsett': 'rulesets.read' }
    const mismatched = navItems
      .filter((item) => item.to !== '/')
      .map((item) => {
        const page = pages.get(item.to)
        const guard = page ? guardOf(page) : 'no route'
        return { to: item.to, menu: item.action, guard }
      })
      .filter(({ to, menu, guard }) => guard !== (narrower[to] ?? menu))
    expect(mismatched).toEqual([])
  })

  it('shows each role the entries the rules table allows it', () => {
    const seen = (roles: Role[], kommune: string | null = '0301') =>
      visibleNavItems({ roles, kommune }).map((i) => i.to)
    const open = ['/', '/organisasjon']
    expect(visibleNavItems(null).map((i) => i.to)).toEqual(open)
    expect(seen(['report'])).toEqual([...open, '/oppstart', '/dashbord', '/ukesrapport'])
    expect(seen(['fhi'], null)).toEqual([...open, '/nasjonal-oversikt'])
    expect(seen(['operator'], null)).toEqual([
      ...open,
      '/regelsett',
      '/nasjonal-oversikt',
      '/api-klienter',
      '/kommuner',
      '/sikkerhetslogg/integritet',
    ])
    const tracer = seen(['tracer'])
    expect(tracer).toContain('/saker')
    expect(tracer).not.toContain('/feilmeldinger')
    expect(tracer).not.toContain('/brukere')
    const admin = seen(['admin'])
    expect(admin).toEqual(expect.arrayContaining([...tracer, '/feilmeldinger', '/brukere', '/oppbevaring']))
    // A municipal role without an active municipality reaches nothing of that municipality.
    expect(seen(['admin', 'tracer'], null)).toEqual(open)
  })
})
