import { syntheticNationalId } from '../../seed/synthetic-id'

/**
 * Synthetic ids for the fake Folkeregister's persons. Fødselsnumre come from the shared Tenor
 * generator (month + 80); D-numre add 40 to the day as well (Tenor D-nummer), with the same
 * check digits, so neither can ever be a real person's number.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

function control(digits: number[], weights: number[]): number | null {
  const k = 11 - (weights.reduce((acc, w, i) => acc + w * digits[i]!, 0) % 11)
  return k === 11 ? 0 : k === 10 ? null : k
}

/** The n-th (0-based) valid Tenor D-nummer for a birth date. */
export function syntheticDNumber(birthDate: string, n = 0): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const [lo, hi] = y >= 2000 ? [500, 999] : [0, 499]
  let found = -1
  for (let ind = lo; ind <= hi; ind++) {
    const base = `${pad(d + 40)}${pad(m + 80)}${pad(y % 100)}${String(ind).padStart(3, '0')}`
    const k1 = control([...base].map(Number), W1)
    if (k1 === null) continue
    const k2 = control([...base, String(k1)].map(Number), W2)
    if (k2 === null) continue
    if (++found === n) return `${base}${k1}${k2}`
  }
  throw new Error(`no synthetic D-nummer left for ${birthDate} #${n}`)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The fake's persons by role; the n of 7 keeps them apart from demo users and seed persons. */
export const FREG_IDS = {
  ordinary: syntheticNationalId('1985-04-12', 7),
  dNumber: syntheticDNumber('1990-07-03', 7),
  strengtFortrolig: syntheticNationalId('1979-02-27', 7),
  fortrolig: syntheticNationalId('1992-10-09', 7),
  deceased: syntheticNationalId('1931-01-20', 7),
  emigrated: syntheticNationalId('1988-08-08', 7),
  unknownResidence: syntheticNationalId('1975-12-01', 7),
  addressHistory: syntheticNationalId('1995-06-15', 7),
  cadastral: syntheticNationalId('1968-03-30', 7),
  /** Answers 500 every time. */
  serverError: syntheticNationalId('1960-01-01', 7),
  /** Answers only after the client's timeout. */
  slow: syntheticNationalId('1961-02-02', 7),
  /** Answers 503 to the first request, then like an ordinary person. */
  flaky: syntheticNationalId('1962-03-03', 7),
  /** Not in the register: 404. */
  unknown: syntheticNationalId('1963-04-04', 7),
} as const
export type FregFixtureName = keyof typeof FREG_IDS
