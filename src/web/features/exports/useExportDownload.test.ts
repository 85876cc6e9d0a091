import { describe, expect, it } from 'vitest'
import { attachmentName } from './useExportDownload'

describe('attachmentName', () => {
  it("takes the server's file name, or the fallback", () => {
    expect(attachmentName('attachment; filename="smittespor-0301-cases-2026-11-23.csv"', 'x')).toBe(
      'smittespor-0301-cases-2026-11-23.csv',
    )
    expect(attachmentName(null, 'smittespor-eksport')).toBe('smittespor-eksport')
  })
})
