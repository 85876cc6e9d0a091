import type { LoggedIn } from '../../test/factories'
import { newPerson } from '../cases/casework.fixtures'

/** An ISO instant `hours` hours from now (negative: in the past). */
export const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()

/** Creates an event through the API; returns the event detail. */
export async function createEvent(who: LoggedIn, extra: Record<string, unknown> = {}) {
  const res = await who.inject({
    method: 'POST',
    url: '/api/events',
    payload: {
      name: 'Bursdag i barnehagen',
      exposureSetting: 'kindergarten',
      location: 'Solsikken barnehage',
      startsAt: hoursAgo(50),
      endsAt: hoursAgo(46),
      ...extra,
    },
  })
  if (res.statusCode !== 201) throw new Error(`createEvent: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** Adds `n` new participants (attendees exposed 48 hours ago) through the batch endpoint. */
export async function addParticipants(
  who: LoggedIn,
  eventId: string,
  n: number,
  extra: Record<string, unknown> = {},
) {
  const res = await who.inject({
    method: 'POST',
    url: `/api/events/${eventId}/participants/batch`,
    payload: {
      rows: Array.from({ length: n }, () => ({ person: newPerson(), exposureAt: hoursAgo(48), ...extra })),
    },
  })
  if (res.statusCode !== 201) throw new Error(`addParticipants: ${res.statusCode} ${res.body}`)
  return res.json().items as { participantId: string; personId: string; created: boolean }[]
}
