/**
 * Fast unique synthetic (Tenor, month + 80) national ids for bulk data: walks birth dates in turn
 * and keeps a cursor of individual numbers per date, so millions of ids come out without repeats
 * and without re-scanning from the start for each id.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

function check(digits: number[], weights: number[]) {
  let sum = 0
  for (let i = 0; i < weights.length; i++) sum += weights[i]! * digits[i]!
  const k = 11 - (sum % 11)
  return k === 11 ? 0 : k === 10 ? -1 : k
}

export class SyntheticIdSequence {
  private readonly cursors = new Map<number, number>()
  private counter = 0

  /** Birth dates between fromYear-01-01 and toYear-12-31, in UTC days. */
  constructor(
    private readonly fromYear = 1930,
    private readonly toYear = 2020,
  ) {}

  get dayCount() {
    return Math.floor((Date.UTC(this.toYear, 11, 31) - Date.UTC(this.fromYear, 0, 1)) / 86_400_000) + 1
  }

  /** The next id and its birth date; `dayIndex` picks the date (defaults to round-robin). */
  next(dayIndex?: number): { id: string; birthDate: string } {
    const idx = (dayIndex ?? this.counter++) % this.dayCount
    const date = new Date(Date.UTC(this.fromYear, 0, 1) + idx * 86_400_000)
    const y = date.getUTCFullYear()
    const [lo, hi] = y >= 2000 ? [500, 999] : [0, 499]
    let ind = this.cursors.get(idx) ?? lo
    const d = date.getUTCDate()
    const m = date.getUTCMonth() + 1 + 80
    const yy = y % 100
    const head = [Math.floor(d / 10), d % 10, Math.floor(m / 10), m % 10, Math.floor(yy / 10), yy % 10]
    for (; ind <= hi; ind++) {
      const digits = [...head, Math.floor(ind / 100), Math.floor(ind / 10) % 10, ind % 10]
      const k1 = check(digits, W1)
      if (k1 < 0) continue
      const k2 = check([...digits, k1], W2)
      if (k2 < 0) continue
      this.cursors.set(idx, ind + 1)
      return { id: `${digits.join('')}${k1}${k2}`, birthDate: date.toISOString().slice(0, 10) }
    }
    throw new Error(`synthetic ids exhausted for ${date.toISOString().slice(0, 10)}`)
  }
}
