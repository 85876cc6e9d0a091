import { describe, expect, it } from 'vitest'
import { EXPOSURE_SETTINGS } from '../../../shared/api/codes'
import { settingName } from './format'

describe('settingName', () => {
  it('names an exposure setting in the UI language, capitalised', () => {
    expect(settingName('household', 'nb')).toBe('Husstand')
    expect(settingName('household', 'nn')).toBe('Hushald')
    expect(settingName('household', 'en')).toBe('Household')
  })

  it('has a nynorsk and an English name for every setting', () => {
    expect(EXPOSURE_SETTINGS.filter((s) => !s.nn.trim() || !s.en.trim())).toEqual([])
  })

  it('shows the code for an unknown setting', () => {
    expect(settingName('moon_base', 'nn')).toBe('Moon_base')
  })
})
