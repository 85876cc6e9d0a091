import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTION_LABELS,
  AUDIT_RECORD_TYPE_LABELS,
} from '../../../shared/api/audit-log'
import {
  AUDIT_ACTION_LABELS_EN,
  AUDIT_ACTION_LABELS_NN,
  AUDIT_GROUP_LABELS_EN,
  AUDIT_GROUP_LABELS_NN,
  AUDIT_RECORD_TYPE_LABELS_EN,
  AUDIT_RECORD_TYPE_LABELS_NN,
  auditLabel,
} from './auditLabels'

const keys = (o: Record<string, string>) => Object.keys(o).sort()

describe('audit labels', () => {
  it('translates every bokmål action, group and record type into nn and en, and nothing else', () => {
    const groups = AUDIT_ACTION_GROUPS.map((g) => g.prefix).sort()
    for (const map of [AUDIT_ACTION_LABELS_NN, AUDIT_ACTION_LABELS_EN])
      expect(keys(map)).toEqual(keys(AUDIT_ACTION_LABELS))
    for (const map of [AUDIT_GROUP_LABELS_NN, AUDIT_GROUP_LABELS_EN]) expect(keys(map)).toEqual(groups)
    for (const map of [AUDIT_RECORD_TYPE_LABELS_NN, AUDIT_RECORD_TYPE_LABELS_EN])
      expect(keys(map)).toEqual(keys(AUDIT_RECORD_TYPE_LABELS))
  })

  it('picks the language, and shows the code for an unknown action', () => {
    expect(auditLabel('nb', 'action', 'case.read')).toBe('Så indekstilfelle')
    expect(auditLabel('nn', 'action', 'case.read')).toBe('Såg indekstilfelle')
    expect(auditLabel('en', 'action', 'case.read')).toBe('Viewed index case')
    expect(auditLabel('en', 'group', 'login')).toBe('Logins')
    expect(auditLabel('nn', 'recordType', 'user')).toBe('Brukar')
    expect(auditLabel('en', 'action', 'new.thing')).toBe('new.thing')
  })
})

/** Every `action: '…'` / `recordType: '…'` literal the server passes to audit() (tests excluded). */
function serverCodes(kind: 'action' | 'recordType', dir = path.resolve('src/server')): Set<string> {
  const out = new Set<string>()
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry)
    if (statSync(file).isDirectory()) for (const c of serverCodes(kind, file)) out.add(c)
    else if (file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('fixtures')) {
      const text = readFileSync(file, 'utf8')
      const re =
        kind === 'action' ? /\baction: '([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'/g : /\brecordType: '([a-z_-]+)'/g
      for (const m of text.matchAll(re)) out.add(m[1]!)
    }
  }
  return out
}

describe('audit labels cover the server (issue 26)', () => {
  it('has a label for every action code and record type the server writes', () => {
    const noLabel = (codes: Set<string>, labels: Record<string, string>) =>
      [...codes].filter((c) => !(c in labels))
    expect(noLabel(serverCodes('action'), AUDIT_ACTION_LABELS)).toEqual([])
    expect(noLabel(serverCodes('recordType'), AUDIT_RECORD_TYPE_LABELS)).toEqual([])
  })
})
