import { describe, expect, it } from 'vitest'
import type { EventView } from '../../../shared/api/events'
import { translate } from '../../i18n'
import { eventConflictRows } from './eventConflict'
import { formValuesOf } from './useEventForm'

const stored = {
  id: 'e1',
  name: 'Julebord',
  exposureSetting: 'arrangement',
  location: 'Festsalen',
  address: null,
  eventKommune: null,
  startsAt: '2024-12-06T17:00:00.000Z',
  endsAt: null,
  organiserName: null,
  organiserPhone: null,
  organiserEmail: null,
  description: 'Avdeling Blåbær',
  status: 'active',
  version: 3,
} as unknown as EventView

describe('eventConflictRows', () => {
  it('shows each field as typed next to what is stored now, marking what the user changed', () => {
    const mine = { ...formValuesOf(stored), description: 'Avdeling Bringebær', status: 'closed' as const }
    const rows = eventConflictRows((k, v) => translate('nb', k, v), {
      current: { ...stored, name: 'Julebord 2024' },
      mine,
      changed: ['description', 'status'],
    })
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]))
    expect(byField.description).toMatchObject({
      label: 'Beskrivelse',
      yours: 'Avdeling Bringebær',
      stored: 'Avdeling Blåbær',
      changedByYou: true,
    })
    expect(byField.status).toMatchObject({ yours: 'Avsluttet', stored: 'Aktiv', changedByYou: true })
    expect(byField.name).toMatchObject({ yours: 'Julebord', stored: 'Julebord 2024', changedByYou: false })
    expect(byField.startsAt?.stored).toBe('06.12.2024 18:00')
    expect(rows.filter((r) => r.yours !== r.stored).map((r) => r.field)).toEqual([
      'name',
      'description',
      'status',
    ])
  })
})
