import { Button, Paragraph } from '@digdir/designsystemet-react'
import type { PersonSummary } from '../../../shared/api/persons'
import { maskNationalId } from '../../../shared/domain/nationalId'
import { formatIsoDate } from '../../components/dates'
import { type MessageKey, useT } from '../../i18n'

export type Suggestion = PersonSummary & { reasons?: readonly string[]; score?: number }

export const REASON_LABELS: Record<string, MessageKey> = {
  name: 'persons.reason.name',
  birthDate: 'persons.reason.birthDate',
  phone: 'persons.reason.phone',
  address: 'persons.reason.address',
}

/** Why two persons may be the same, in words. */
export function reasonText(t: ReturnType<typeof useT>, reasons: readonly string[]) {
  return reasons.map((r) => (REASON_LABELS[r] ? t(REASON_LABELS[r]) : r)).join(', ')
}

/** "Kari Nordmann, født 12.04.1990, tlf. 912 34 567" — what tells two persons apart, never an address. */
export function personLine(p: PersonSummary, t: ReturnType<typeof useT>) {
  const parts = [`${p.firstName} ${p.lastName}`]
  if (p.birthDate) parts.push(t('persons.bornOn', { date: formatIsoDate(p.birthDate) }))
  if (p.nationalId) parts.push(t('persons.idMasked', { id: maskNationalId(p.nationalId) }))
  if (p.phone) parts.push(t('persons.phoneShort', { phone: p.phone }))
  return parts.join(', ')
}

/**
 * Possible existing persons with a "Bruk denne" button each (SPEC §3.1 duplicate prevention).
 * The buttons name the person, so a screen reader user hears which one they pick.
 */
export function PersonSuggestions({
  items,
  onPick,
  label,
}: {
  items: readonly Suggestion[]
  onPick: (person: Suggestion) => void
  label: string
}) {
  const t = useT()
  if (items.length === 0) return null
  return (
    <ul className="cw-suggestions" aria-label={label}>
      {items.map((p) => {
        const line = personLine(p, t)
        const reasons = reasonText(t, p.reasons ?? [])
        return (
          <li key={p.id}>
            <Paragraph data-size="sm" className="cw-suggestion__text">
              {line}
              {reasons && <span className="cw-muted"> ({t('persons.sameAs', { what: reasons })})</span>}
            </Paragraph>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              aria-label={t('persons.useThisNamed', { name: line })}
              onClick={() => onPick(p)}
            >
              {t('persons.useThis')}
            </Button>
          </li>
        )
      })}
    </ul>
  )
}
