import { describe, expect, it } from 'vitest'
import { checkOrgNumber, formatOrgNumber } from './orgNumber'

describe('checkOrgNumber', () => {
  it.each([
    ['958935420', '958935420'],
    ['964 338 531', '964338531'],
    ['974778742', '974778742'],
  ])('accepts %s', (input, value) => {
    expect(checkOrgNumber(input)).toEqual({ ok: true, value })
  })

  it.each([
    ['95893542', 'Organisasjonsnummeret må ha ni sifre'],
    ['9589354201', 'Organisasjonsnummeret må ha ni sifre'],
    ['95893542x', 'Organisasjonsnummeret må ha ni sifre'],
    ['958935421', 'Organisasjonsnummeret har feil kontrollsiffer'],
    ['999888777', 'Organisasjonsnummeret har feil kontrollsiffer'],
    // remainder 1 → check digit 10: no digit can follow 99988878
    ['999888780', 'Organisasjonsnummeret har feil kontrollsiffer'],
  ])('refuses %s', (input, message) => {
    expect(checkOrgNumber(input)).toEqual({ ok: false, message })
  })

  it('formats in groups of three', () => {
    expect(formatOrgNumber('958935420')).toBe('958 935 420')
  })
})
