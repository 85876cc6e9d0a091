import { type MessageKey, useT } from '../i18n'

/** One `<option>` a code, labelled in the current language; `empty` first when given ("Velg"). */
export function CodeOptions<C extends string>({
  codes,
  labels,
  empty,
}: {
  codes: readonly C[]
  labels: Record<C, MessageKey>
  empty?: string
}) {
  const t = useT()
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {codes.map((c) => (
        <option key={c} value={c}>
          {t(labels[c])}
        </option>
      ))}
    </>
  )
}
