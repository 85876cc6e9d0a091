import { Paragraph, Spinner } from '@digdir/designsystemet-react'

/** A spinner with a visible text; announced politely to screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="app-loading" role="status">
      <Spinner aria-hidden data-size="md" />
      <Paragraph>{label}</Paragraph>
    </div>
  )
}
