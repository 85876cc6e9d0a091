/**
 * Synthetic national ids (Tenor style: month + 80) for seed data, tests and benchmarks. They pass
 * the 1964 check-digit rule and can never be a real person's number.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0)
  const k = 11 - (sum % 11)
  if (k === 11) return 0
  return k === 10 ? null : k
}

/**
 * The synthetic id for a birth date and a sequence number (0-based). Tries successive individual
 * numbers in the century's range until the check digits work, so each (date, n) is deterministic.
 */
export function syntheticNationalId(birthDate: string, n = 0): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const yy = y % 100
  // Individnummer ranges: 1900–1999 → 000–499; 2000–2039 → 500–999.
  const [lo, hi] = y >= 2000 ? [500, 999] : [0, 499]
  let found = -1
  for (let ind = lo; ind <= hi; ind++) {
    const base = `${pad(d)}${pad(m + 80)}${pad(yy)}${String(ind).padStart(3, '0')}`
    const digits = [...base].map(Number)
    const k1 = checkDigit(digits, W1)
    if (k1 === null) continue
    const k2 = checkDigit([...digits, k1], W2)
    if (k2 === null) continue
    if (++found === n) return `${base}${k1}${k2}`
  }
  throw new Error(`no synthetic id left for ${birthDate} #${n}`)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A random synthetic id born 1940–2009 (tests: collisions are vanishingly unlikely). */
export function randomSyntheticId(random: () => number = Math.random): string {
  const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(random() * 25_500) * 86_400_000)
  return syntheticNationalId(day.toISOString().slice(0, 10), Math.floor(random() * 40))
}
