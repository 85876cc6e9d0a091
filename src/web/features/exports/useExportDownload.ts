import { useMutation } from '@tanstack/react-query'
import { ApiError, type Problem } from '../../api/client'

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && typeof (v as Problem).title === 'string'

/** The file name from `content-disposition: attachment; filename="…"`. */
export function attachmentName(header: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? fallback
}

/**
 * Fetches the export and saves it as a file. Unlike a plain download link, a refusal (e.g. 422
 * `export-too-large`) comes back as an ApiError to show on the page instead of a saved JSON file.
 */
export function useExportDownload() {
  return useMutation({
    mutationFn: async (href: string) => {
      let res: Response
      try {
        res = await fetch(href, { credentials: 'same-origin' })
      } catch {
        throw new ApiError(0, null, 'network')
      }
      if (!res.ok) {
        const body: unknown = await res.json().catch(() => null)
        throw new ApiError(res.status, isProblem(body) ? body : null)
      }
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = attachmentName(res.headers.get('content-disposition'), 'smittespor-eksport')
      a.click()
      URL.revokeObjectURL(url)
    },
  })
}
