/**
 * Folds a name for duplicate comparison (issue 17): Norwegian letters and diacritics both ways —
 * ø ↔ o/oe, å ↔ a/aa, æ ↔ ae/a, é ↔ e, ü ↔ u/ue — so "Jon Ødegård", "Jon Odegaard" and
 * "Jon Oedegaard" all become "jon odegard". Same rule as SQL fold_name() (migration 0051).
 */
const DIGRAPHS: [string, string][] = [
  ['aa', 'a'],
  ['oe', 'o'],
  ['ae', 'a'],
  ['ue', 'u'],
  ['ö', 'o'],
]
const FROM = 'øåæéèêëüäáàíóúñç'
const TO = 'oaaeeeeuaaaiounc'

export function foldName(name: string): string {
  let s = name.toLowerCase()
  for (const [a, b] of DIGRAPHS) s = s.replaceAll(a, b)
  let out = ''
  for (const ch of s) {
    const i = FROM.indexOf(ch)
    out += i >= 0 ? TO[i] : ch
  }
  return out
}
