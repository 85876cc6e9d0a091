import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isTenantQuery, queryKeys } from './queryKeys'

const WEB = resolve(import.meta.dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

describe('queryKeys', () => {
  it('gives every key of a feature the feature root, so invalidating the root reaches them all', () => {
    const rootless: string[] = []
    for (const [feature, group] of Object.entries(queryKeys)) {
      if (typeof group === 'function') continue
      const keys = Object.entries(group as Record<string, (...a: unknown[]) => readonly unknown[]>).map(
        ([name, make]) => [name, make('x', 'y')] as const,
      )
      const root = keys[0]?.[1][0]
      for (const [name, key] of keys) if (key[0] !== root) rootless.push(`${feature}.${name}`)
    }
    expect(rootless).toEqual([])
  })

  it('keeps session and meta when the municipality changes, and nothing else', () => {
    expect(isTenantQuery(queryKeys.session())).toBe(false)
    expect(isTenantQuery(queryKeys.meta())).toBe(false)
    expect(isTenantQuery(queryKeys.cases.detail('1'))).toBe(true)
    expect(isTenantQuery(queryKeys.orgUnits.all())).toBe(true)
  })

  it('is the only place that spells a key', () => {
    // A literal key elsewhere is how features ended up invalidating each other by guesswork.
    const literal =
      /(queryKey:\s*\[|QueryData(<[^>]*>)?\(\s*\[|QueriesData(<[^>]*>)?\(\{\s*queryKey:\s*\[|Keys = \{)/
    const offenders = sources(WEB)
      .filter((file) => !file.endsWith('queryKeys.ts'))
      .filter((file) => literal.test(readFileSync(file, 'utf8')))
      .map((file) => relative(WEB, file))
    expect(offenders).toEqual([])
  })
})
