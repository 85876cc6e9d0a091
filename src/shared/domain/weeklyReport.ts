import { osloDate } from './dates'

/**
 * The weekly report to FHI (SPEC §5) as pure, documented definitions. The database function
 * `weekly_report_rows` (migrations/0011_reporting.sql) applies the same rules to the whole register
 * in SQL; the functions here state them for one record at a time (the same scenarios are tested
 * against both: weeklyReport.test.ts and reports.test.ts) and build, mask and compare reports. docs/weekly-report.md explains them
 * for FHI's analysts.
 */

/** FHI's exposure settings in report order (shared/data/exposure-settings.csv). */
export const REPORT_SETTINGS = [
  'household',
  'kindergarten',
  'school',
  'university',
  'workplace',
  'health_institution',
  'event',
  'organised_leisure',
  'travel',
  'unknown',
] as const
export type ReportSetting = (typeof REPORT_SETTINGS)[number]

/**
 * Which date puts a case in a week: the test (sampling) date; a case without one (a probable case)
 * counts on the Europe/Oslo date it was registered. The week is the ISO week (Monday–Sunday).
 */
export function caseReportDate(c: { testDate: string | null; createdAt: string | Date }): string {
  return c.testDate ?? osloDate(c.createdAt)
}

export type ContactStatus = 'active' | 'finished' | 'became_case' | 'not_contact'

/** A contact record to an index case: its last exposure, else the Oslo date it was registered. */
export function contactExposureDate(k: { lastExposure: string | null; createdAt: string | Date }): string {
  return k.lastExposure ?? osloDate(k.createdAt)
}

/** An event participation: the Oslo date of its exposure time, else of its registration. */
export function participantExposureDate(p: {
  exposureAt: string | Date | null
  createdAt: string | Date
}): string {
  return osloDate(p.exposureAt ?? p.createdAt)
}

/** One close-contact exposure candidate of a person. */
export type Exposure =
  | {
      kind: 'contact'
      personId: string
      unit: string
      status: ContactStatus
      lastExposure: string | null
      createdAt: string | Date
    }
  | {
      kind: 'participant'
      personId: string
      unit: string
      role: 'case' | 'contact' | 'attendee'
      exposureAt: string | Date | null
      createdAt: string | Date
    }

/**
 * A close-contact exposure: a contact record to an index case in any status but "ikke
 * nærkontakt" ('became_case' still counts), or event participation with role 'contact'
 * (attendees are not contacts). Returns its exposure date, or null when it is not one.
 */
export function closeContactExposureDate(x: Exposure): string | null {
  if (x.kind === 'contact') return x.status === 'not_contact' ? null : contactExposureDate(x)
  return x.role === 'contact' ? participantExposureDate(x) : null
}

/**
 * New close contacts of a week per unit: distinct persons with at least one close-contact
 * exposure whose date lies in [start, end]. A person counts once, under the unit owning the
 * latest such exposure (then the latest registered), so the units add up to the municipality.
 */
export function newCloseContacts(
  exposures: readonly Exposure[],
  start: string,
  end: string,
): Map<string, number> {
  const best = new Map<string, { date: string; created: number; unit: string }>()
  for (const x of exposures) {
    const date = closeContactExposureDate(x)
    if (!date || date < start || date > end) continue
    const created = new Date(x.createdAt).getTime()
    const b = best.get(x.personId)
    if (!b || date > b.date || (date === b.date && created > b.created))
      best.set(x.personId, { date, created, unit: x.unit })
  }
  const out = new Map<string, number>()
  for (const { unit } of best.values()) out.set(unit, (out.get(unit) ?? 0) + 1)
  return out
}

/** One contact record of the case's person (to an index case, in any municipality). */
export interface PriorContact {
  createdAt: string | Date
  lastExposure: string | null
  status: ContactStatus
  setting: string | null
}

/**
 * Report item (ii), "known exposure to a close contact", for a confirmed case: the person had a
 * contact record to an index case, not "ikke nærkontakt", with last exposure on or before the
 * case's test date. Returns the setting it is reported under — that of the latest such record
 * (by exposure date, then registration), 'unknown' without one — or null when not known.
 * Event participation alone does not count.
 */
export function knownContactSetting(
  c: { testDate: string | null; createdAt: string | Date; probable?: boolean },
  contactRecords: readonly PriorContact[],
): ReportSetting | null {
  if (c.probable) return null
  const reportDate = caseReportDate(c)
  let best: { date: string; created: number; setting: string | null } | null = null
  for (const k of contactRecords) {
    if (k.status === 'not_contact') continue
    const date = contactExposureDate(k)
    if (date > reportDate) continue
    const created = new Date(k.createdAt).getTime()
    if (!best || date > best.date || (date === best.date && created > best.created))
      best = { date, created, setting: k.setting }
  }
  return best ? reportSetting(best.setting, null) : null
}

/**
 * Report item (iii), "linked to a common-source outbreak", for a confirmed case: its source event,
 * or an event in which the person takes part with role 'case', is flagged as an outbreak. Returns
 * the event's setting (the source event first), or null when not linked.
 */
export function outbreakSetting(
  sourceEvent: { outbreak: boolean; setting: string | null } | null,
  eventsAsCaseParticipant: readonly { outbreak: boolean; setting: string | null }[],
): ReportSetting | null {
  if (sourceEvent?.outbreak) return reportSetting(sourceEvent.setting, null)
  const e = eventsAsCaseParticipant.find((x) => x.outbreak)
  return e ? reportSetting(e.setting, null) : null
}

/** The setting a case's confirmed count is shown under: its own, else its source event's, else 'unknown'. */
export function reportSetting(caseSetting: string | null, sourceEventSetting: string | null): ReportSetting {
  const known = (s: string | null): s is ReportSetting => REPORT_SETTINGS.includes(s as ReportSetting)
  if (known(caseSetting)) return caseSetting
  if (known(sourceEventSetting)) return sourceEventSetting
  return 'unknown'
}

// ---------------------------------------------------------------- counts

export interface SettingCounts {
  /** Confirmed (not probable) cases reported under the setting. */
  confirmed: number
  /** …of which with known exposure to a close contact. */
  knownContact: number
  /** …of which linked to a common-source outbreak. */
  outbreak: number
}

/** The raw counts of one unit (sub-unit, municipality, county or country) and week. */
export interface WeeklyCounts {
  /** New cases (confirmed and probable). */
  cases: number
  probable: number
  confirmed: number
  /** New close contacts: distinct persons by last-exposure date. */
  contacts: number
  /** Close-contact records registered in the week (workload; not a report item). */
  registered: number
  settings: Record<ReportSetting, SettingCounts>
}

/** One row of `weekly_report_counts`: a case row (setting set) or a contact row (setting null). */
export interface CountRow {
  weekStart: string
  kommune: string
  unit: string
  setting: string | null
  cases: number
  probable: number
  confirmed: number
  knownContact: number
  outbreak: number
  contacts: number
  registered: number
}

export function emptyCounts(): WeeklyCounts {
  const settings = {} as Record<ReportSetting, SettingCounts>
  for (const s of REPORT_SETTINGS) settings[s] = { confirmed: 0, knownContact: 0, outbreak: 0 }
  return { cases: 0, probable: 0, confirmed: 0, contacts: 0, registered: 0, settings }
}

/** Adds `b` into a copy of `a` (counts aggregate bottom-up: sub-unit → kommune → fylke → Norge). */
export function addCounts(a: WeeklyCounts, b: WeeklyCounts): WeeklyCounts {
  const out = emptyCounts()
  out.cases = a.cases + b.cases
  out.probable = a.probable + b.probable
  out.confirmed = a.confirmed + b.confirmed
  out.contacts = a.contacts + b.contacts
  out.registered = a.registered + b.registered
  for (const s of REPORT_SETTINGS) {
    out.settings[s] = {
      confirmed: a.settings[s].confirmed + b.settings[s].confirmed,
      knownContact: a.settings[s].knownContact + b.settings[s].knownContact,
      outbreak: a.settings[s].outbreak + b.settings[s].outbreak,
    }
  }
  return out
}

/** Sums count rows (of one or many units) into one unit's counts. */
export function countsFromRows(rows: Iterable<CountRow>): WeeklyCounts {
  const out = emptyCounts()
  for (const r of rows) {
    out.cases += r.cases
    out.probable += r.probable
    out.confirmed += r.confirmed
    out.contacts += r.contacts
    out.registered += r.registered ?? 0
    if (r.setting === null) continue
    const s = out.settings[reportSetting(r.setting, null)]
    s.confirmed += r.confirmed
    s.knownContact += r.knownContact
    s.outbreak += r.outbreak
  }
  return out
}

/** Sums of the item 2 and 3 numerators over all settings. */
export function totals(c: WeeklyCounts): { knownContact: number; outbreak: number } {
  let knownContact = 0
  let outbreak = 0
  for (const s of REPORT_SETTINGS) {
    knownContact += c.settings[s].knownContact
    outbreak += c.settings[s].outbreak
  }
  return { knownContact, outbreak }
}

// ---------------------------------------------------------------- shares and small numbers

/**
 * A share as a fraction rounded to 4 decimals (0.1234 = 12.34 %). Zero denominator: null ("no
 * cases, no share"), never 0 or NaN.
 */
export function share(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null
  return Math.round((numerator / denominator) * 10_000) / 10_000
}

/** A count as shown: a number, or '<5' for 1–4 where small numbers are masked. */
export type Cell = number | '<5'
/** A share as shown: a fraction, null without denominator, 'suppressed' when its count is masked. */
export type Share = number | null | 'suppressed'

/**
 * The small-numbers rule (SPEC §5): outside the owning municipality — except to FHI — a count of
 * 1–4 is shown as '<5'. 0 stays 0, 5 and more are shown as they are.
 */
export function maskSmall(n: number): Cell {
  return n >= 1 && n <= 4 ? '<5' : n
}

/**
 * A share is hidden where small numbers are masked when its numerator or its denominator is 1–4
 * (either would give a small count back). A zero denominator gives no share (null).
 */
export function maskShare(numerator: number, denominator: number, mask: boolean): Share {
  const small = (n: number) => n >= 1 && n <= 4
  if (mask && (small(numerator) || small(denominator))) return 'suppressed'
  return share(numerator, denominator)
}

export interface SettingLine {
  setting: ReportSetting
  confirmed: Cell
  knownContact: Cell
  knownContactShare: Share
  outbreak: Cell
  outbreakShare: Share
}

/** The headline cells of a report (the FHI municipality table shows these). */
export interface WeeklySummary {
  cases: Cell
  probable: Cell
  confirmed: Cell
  contacts: Cell
  registered: Cell
  knownContact: Cell
  knownContactShare: Share
  outbreak: Cell
  outbreakShare: Share
}

export interface WeeklyReportView extends WeeklySummary {
  settings: SettingLine[]
}

/**
 * The report's cells. Shares (items 2 and 3, per setting and in total) use as denominator all
 * confirmed cases of the week in the unit, so the settings' shares add up to the total share.
 * With `mask`, the small-numbers rule applies to every count and share.
 */
export function presentWeeklyReport(c: WeeklyCounts, options: { mask: boolean }): WeeklyReportView {
  return {
    ...presentSummary(c, options),
    settings: REPORT_SETTINGS.map((setting) => {
      const s = c.settings[setting]
      return {
        setting,
        confirmed: cell(s.confirmed, options.mask),
        knownContact: cell(s.knownContact, options.mask),
        knownContactShare: maskShare(s.knownContact, c.confirmed, options.mask),
        outbreak: cell(s.outbreak, options.mask),
        outbreakShare: maskShare(s.outbreak, c.confirmed, options.mask),
      }
    }),
  }
}

export function presentSummary(c: WeeklyCounts, options: { mask: boolean }): WeeklySummary {
  const t = totals(c)
  return {
    cases: cell(c.cases, options.mask),
    probable: cell(c.probable, options.mask),
    confirmed: cell(c.confirmed, options.mask),
    contacts: cell(c.contacts, options.mask),
    registered: cell(c.registered, options.mask),
    knownContact: cell(t.knownContact, options.mask),
    knownContactShare: maskShare(t.knownContact, c.confirmed, options.mask),
    outbreak: cell(t.outbreak, options.mask),
    outbreakShare: maskShare(t.outbreak, c.confirmed, options.mask),
  }
}

const cell = (n: number, mask: boolean): Cell => (mask ? maskSmall(n) : n)

// ---------------------------------------------------------------- differences since submission

export interface CountChange {
  /** 'cases', 'contacts', … or 'settings.<setting>.<count>'. */
  field: string
  submitted: number
  draft: number
}

/** The counts that differ between a submitted version and the current draft, in report order. */
export function diffCounts(submitted: WeeklyCounts, draft: WeeklyCounts): CountChange[] {
  const changes: CountChange[] = []
  for (const f of ['cases', 'probable', 'confirmed', 'contacts'] as const)
    if (submitted[f] !== draft[f]) changes.push({ field: f, submitted: submitted[f], draft: draft[f] })
  for (const s of REPORT_SETTINGS)
    for (const f of ['confirmed', 'knownContact', 'outbreak'] as const) {
      const a = submitted.settings[s][f]
      const b = draft.settings[s][f]
      if (a !== b) changes.push({ field: `settings.${s}.${f}`, submitted: a, draft: b })
    }
  return changes
}

/** Reads stored counts (jsonb) defensively: missing settings or fields count as 0. */
export function normalizeCounts(value: unknown): WeeklyCounts {
  const v = (value ?? {}) as Partial<Record<keyof WeeklyCounts, unknown>>
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0)
  const out = emptyCounts()
  out.cases = num(v.cases)
  out.probable = num(v.probable)
  out.confirmed = num(v.confirmed)
  out.contacts = num(v.contacts)
  out.registered = num(v.registered)
  const settings = (v.settings ?? {}) as Record<string, Partial<SettingCounts> | undefined>
  for (const s of REPORT_SETTINGS) {
    const x = settings[s] ?? {}
    out.settings[s] = {
      confirmed: num(x.confirmed),
      knownContact: num(x.knownContact),
      outbreak: num(x.outbreak),
    }
  }
  return out
}
