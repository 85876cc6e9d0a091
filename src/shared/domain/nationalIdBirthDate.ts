/**
 * Birth date from a fødselsnummer / D-nummer / H-nummer. Split from nationalId.ts to keep the
 * century rules in one place.
 *
 * The six first digits are ddmmyy after removing the offsets (D: day + 40, H/Dolly: month + 40,
 * Tenor: month + 80). The century comes from the individnummer (digits 7–9) — but only for
 * numbers issued under the 1964 rules. Skatteetaten, "Nytt fødselsnummer fra 2032": for numbers
 * issued from 2032 "Individnummeret vil ikke lenger angi århundre", and the birth date must be
 * read from Folkeregisteret. Still, every valid number gets a birth date (issue 17: a person
 * must be findable by birth date, and the Folkeregister fill corrects it):
 * - remainder 0 (fits the 1964 rule): the 1964 century table, right for every number issued
 *   before 2032;
 * - remainder 1–3 (only the 2032 rule), an individnummer outside the table, or a date that does
 *   not exist in the table's century: the latest century that does not put the birth in the
 *   future (06819048027 → 1990-01-06, 29.02.00 → 2000-02-29).
 */

export type CenturyInput = { individnummer: number; yy: number }

/**
 * The 1964 individnummer → century table (Skatteetaten/SSB):
 * 000–499 → 1900–1999; 500–749 with yy 54–99 → 1854–1899; 500–999 with yy 00–39 → 2000–2039;
 * 900–999 with yy 40–99 → 1940–1999. Anything else (e.g. 750–899 with yy ≥ 40) was never issued:
 * null.
 */
export function centuryOf({ individnummer: i, yy }: CenturyInput): 1800 | 1900 | 2000 | null {
  if (i <= 499) return 1900
  if (i <= 749 && yy >= 54) return 1800
  if (yy <= 39) return 2000
  if (i >= 900) return 1900
  return null
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const

/**
 * Remainder of the first check digit: (Σ weights·digits + k1) mod 11. 0 is the 1964 rule; the 2032
 * rule also allows 1, 2 and 3. Expects 11 ASCII digits.
 */
export function k1Remainder(digits: string): number {
  let sum = 0
  for (let i = 0; i < K1_WEIGHTS.length; i++) sum += (K1_WEIGHTS[i] ?? 0) * Number(digits[i])
  return (sum + Number(digits[9])) % 11
}

export type DateOffsets = { dayOffset: 0 | 40; monthOffset: 0 | 40 | 80 }

/**
 * The birth date as 'yyyy-mm-dd' (see the top of this file for the century rules), or null only
 * when the day and month do not form a date in any candidate century. `today` ('yyyy-mm-dd')
 * bounds the fallback century.
 */
export function birthDateOf(
  digits: string,
  { dayOffset, monthOffset }: DateOffsets,
  today: string = new Date().toISOString().slice(0, 10),
): string | null {
  const day = Number(digits.slice(0, 2)) - dayOffset
  const month = Number(digits.slice(2, 4)) - monthOffset
  const yy = Number(digits.slice(4, 6))
  if (k1Remainder(digits) === 0) {
    const century = centuryOf({ individnummer: Number(digits.slice(6, 9)), yy })
    const fromTable = century === null ? null : isoDate(century + yy, month, day)
    if (fromTable) return fromTable
  }
  for (const century of [2000, 1900]) {
    const date = isoDate(century + yy, month, day)
    if (date && date <= today) return date
  }
  return null
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  return `${year}-${pad2(month)}-${pad2(day)}`
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}
