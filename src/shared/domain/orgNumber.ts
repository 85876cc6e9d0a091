/**
 * Norwegian organisation numbers (Enhetsregisteret): nine digits, the last a modulus 11 check
 * digit with weights 3 2 7 6 5 4 3 2. A remainder that gives check digit 10 is never issued.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2]

export type OrgNumberCheck = { ok: true; value: string } | { ok: false; message: string }

export function checkOrgNumber(input: string): OrgNumberCheck {
  const value = input.replace(/\s/g, '')
  if (!/^\d{9}$/.test(value)) return { ok: false, message: 'Organisasjonsnummeret må ha ni sifre' }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0)
  const check = (11 - (sum % 11)) % 11
  if (check === 10 || check !== Number(value[8]))
    return { ok: false, message: 'Organisasjonsnummeret har feil kontrollsiffer' }
  return { ok: true, value }
}

/** "958935420" → "958 935 420", as Enhetsregisteret prints it. */
export const formatOrgNumber = (v: string) => v.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')
