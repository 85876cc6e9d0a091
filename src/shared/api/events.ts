import { z } from 'zod'
import { exposureSetting, isoDate, pageQuery, uuid, versionField } from './codes'
import { contactSaveResult } from './contacts'
import { conversionMeasures } from './measures'
import { ownerUnitCode } from './ownership'
import { personRef, personSummary } from './persons'

/** Events (hendelser) and outbreaks (utbrudd), SPEC §3.4. */

export const eventStatus = z.enum(['active', 'closed'], { message: 'Velg status fra listen' })
export const participantRole = z.enum(['case', 'contact', 'attendee'], { message: 'Velg rolle fra listen' })
export type ParticipantRole = z.infer<typeof participantRole>

/** An instant with its offset, e.g. 2024-04-12T14:00:00+02:00 (the web client sends Oslo time). */
export const instant = z.iso.datetime({ offset: true, message: 'Ugyldig tidspunkt' })

/** Optional text that keeps `undefined` (not sent) apart from `null`/'' (cleared) for PATCH. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v))

/** Everything a tracer writes on an event. All optional: PATCH sends only what changed. */
export const eventFields = z.object({
  name: z.string().trim().min(1, 'Navn må fylles ut').max(200).optional(),
  exposureSetting: exposureSetting.optional(),
  location: text(200),
  address: text(300),
  eventKommune: z
    .string()
    .regex(/^\d{4}$/, 'Ugyldig kommunenummer')
    .nullable()
    .optional(),
  startsAt: instant.nullable().optional(),
  endsAt: instant.nullable().optional(),
  organiserName: text(200),
  organiserPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+0-9 ()-]*$/, 'Telefonnummeret kan bare inneholde siffer, mellomrom og +')
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v)),
  organiserEmail: z
    .string()
    .trim()
    .max(200)
    .email('Ugyldig e-postadresse')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  description: text(4000),
  status: eventStatus.optional(),
})
export type EventFields = z.input<typeof eventFields>

/** POST /api/events: name and setting are required. */
export const eventCreate = eventFields.extend({
  /** The owning unit; default: the user's default unit (else the municipality). */
  ownerUnit: ownerUnitCode.optional(),
  name: z.string().trim().min(1, 'Navn må fylles ut').max(200),
  exposureSetting,
})
export type EventCreate = z.input<typeof eventCreate>

export const eventPatch = eventFields.extend({ version: versionField })
export type EventPatch = z.input<typeof eventPatch>

/** PUT /api/events/{id}/outbreak: flag (or unflag) the event as an outbreak with a common source. */
export const outbreakBody = z.object({
  outbreak: z.boolean(),
  commonSource: text(500),
  version: versionField,
})
export type OutbreakBody = z.input<typeof outbreakBody>

export const eventIdParam = z.object({ id: uuid })
export const participantParams = z.object({ id: uuid, participantId: uuid })

const bool = z.enum(['true', 'false'], { message: 'Bruk true eller false' })
export const eventListQuery = pageQuery.extend({
  /** Owner unit: the unit and the units below it. */
  unit: ownerUnitCode.optional(),
  setting: exposureSetting.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  outbreak: bool.optional(),
  status: eventStatus.optional(),
  q: z.string().trim().max(100).optional(),
})
export type EventListQuery = z.input<typeof eventListQuery>

export const eventListItem = z.object({
  id: z.string(),
  name: z.string(),
  exposureSetting: z.string(),
  location: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  status: eventStatus,
  outbreak: z.boolean(),
  commonSource: z.string().nullable(),
  participants: z.number().int(),
  cases: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
})
export type EventListItem = z.infer<typeof eventListItem>
export const eventList = z.object({ items: z.array(eventListItem), nextCursor: z.string().nullable() })
export type EventList = z.infer<typeof eventList>

export const participantView = z.object({
  id: z.string(),
  person: personSummary,
  role: participantRole,
  exposureAt: z.string().nullable(),
  notes: z.string().nullable(),
  /** The participant's own case (role case), when registered in this municipality. */
  caseId: z.string().nullable(),
  caseStatus: z.enum(['open', 'closed']).nullable(),
  /** The contact record made from this participation (role contact). */
  contactId: z.string().nullable(),
  contactStatus: z.string().nullable(),
  /** The index case that contact belongs to. */
  contactCaseId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
})
export type ParticipantView = z.infer<typeof participantView>

export const linkedCase = z.object({
  id: z.string(),
  person: personSummary,
  testDate: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  /** 'source': the case's infection source is this event; 'participant': took part as a case. */
  via: z.enum(['source', 'participant']),
})

export const eventView = z.object({
  id: z.string(),
  kommune: z.string(),
  ownerUnit: z.string(),
  name: z.string(),
  exposureSetting: z.string(),
  location: z.string().nullable(),
  address: z.string().nullable(),
  eventKommune: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  organiserName: z.string().nullable(),
  organiserPhone: z.string().nullable(),
  organiserEmail: z.string().nullable(),
  description: z.string().nullable(),
  status: eventStatus,
  outbreak: z.boolean(),
  outbreakDeclaredAt: z.string().nullable(),
  commonSource: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type EventView = z.infer<typeof eventView>

/** GET /api/events/{id}: the event with its participants, linked cases and counts. */
export const eventDetail = eventView.extend({
  participants: z.array(participantView),
  linkedCases: z.array(linkedCase),
  counts: z.object({
    participants: z.number().int(),
    cases: z.number().int(),
    contacts: z.number().int(),
    attendees: z.number().int(),
    linkedCases: z.number().int(),
    /** Contact records (of any case) exposed at this event. */
    exposedContacts: z.number().int(),
  }),
})
export type EventDetail = z.infer<typeof eventDetail>

/** One participant: the person (existing or new, same duplicate rules as case work) and the exposure. */
export const participantCreate = z.object({
  person: personRef,
  role: participantRole.default('attendee'),
  exposureAt: instant.nullable().optional(),
  notes: text(1000),
})
export type ParticipantCreate = z.input<typeof participantCreate>

/** POST /api/events/{id}/participants/batch: the participant grid, saved all-or-nothing. */
export const participantBatch = z.object({ rows: z.array(participantCreate).min(1).max(200) })
export type ParticipantBatch = z.input<typeof participantBatch>

export const participantSaveResult = z.object({
  row: z.number().int(),
  participantId: z.string(),
  personId: z.string(),
  /** false when the person already took part (the participation was updated). */
  created: z.boolean(),
  personCreated: z.boolean(),
})
export const participantBatchResult = z.object({ items: z.array(participantSaveResult) })
export type ParticipantBatchResult = z.infer<typeof participantBatchResult>

export const participantPatch = z.object({
  role: participantRole.optional(),
  exposureAt: instant.nullable().optional(),
  notes: text(1000),
  version: versionField,
})
export type ParticipantPatch = z.input<typeof participantPatch>

export const participantDeleteQuery = z.object({ version: z.coerce.number().int().min(1, 'Ugyldig versjon') })

/**
 * POST /api/events/{id}/contacts: make the chosen participants close contacts of a case. Repeating
 * the call changes nothing: participants already contacts of that case answer 'already'.
 */
export const makeContactsBody = z.object({
  caseId: uuid,
  participantIds: z.array(uuid).min(1, 'Velg minst én deltaker').max(200),
})
export type MakeContactsBody = z.input<typeof makeContactsBody>
export const makeContactsResult = z.object({
  caseId: z.string(),
  items: z.array(
    z.object({
      participantId: z.string(),
      contactId: z.string().nullable(),
      outcome: z.enum(['created', 'linked', 'already', 'skipped']),
      reason: z.string().nullable(),
      warnings: contactSaveResult.shape.warnings,
    }),
  ),
})
export type MakeContactsResult = z.infer<typeof makeContactsResult>

/**
 * POST /api/events/{id}/participants/{participantId}/convert-to-case: the participant tested
 * positive. The new case has this event as its source; the answer lists the other participants
 * who are not yet contacts of it, so the client can offer to make them contacts.
 */
export const convertParticipantBody = z.object({
  testDate: isoDate,
  testType: z.enum(['pcr', 'antigen', 'self'], { message: 'Velg testtype fra listen' }).nullable().optional(),
  symptomatic: z.boolean().nullable().optional(),
  onsetDate: isoDate.nullable().optional(),
  /** The participant's version as read. */
  version: versionField,
})
export type ConvertParticipantBody = z.input<typeof convertParticipantBody>
export const convertParticipantResult = z.object({
  caseId: z.string(),
  participant: participantView,
  otherParticipantIds: z.array(z.string()),
  measures: conversionMeasures,
})
export type ConvertParticipantResult = z.infer<typeof convertParticipantResult>
