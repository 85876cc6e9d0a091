import { z } from 'zod'
import { isoDate, protectedAddress, sex, versionField } from './codes'

/**
 * Folkeregister lookups (SPEC §7). The server maps Skatteetaten's person document to the fields a
 * tracer registers; a protected address (adressebeskyttelse) arrives here only as its level.
 */

/** Registreringsstatus in Folkeregisteret (the documented `status` values). */
export const FREG_PERSON_STATUSES = [
  'bosatt',
  'utflyttet',
  'doed',
  'forsvunnet',
  'opphoert',
  'foedselsregistrert',
  'midlertidig',
  'inaktiv',
  'ikkeBosatt',
  'aktiv',
  'ukjent',
] as const
export const fregPersonStatus = z.enum(FREG_PERSON_STATUSES)
export type FregPersonStatus = z.infer<typeof fregPersonStatus>

/** The Folkeregister onboarding steps (SPEC §9) that must all be recorded before lookups. */
export const FREG_ONBOARDING_STEPS = [
  'freg_rf1514',
  'freg_delegation',
  'freg_agreement',
  'freg_enabled',
] as const
/**
 * What lookups need besides the steps: the municipality's organisation number, so Maskinporten
 * can be asked on its behalf (`consumer_org`). Listed with the missing steps.
 */
export const FREG_ORG_NUMBER_REQUIREMENT = 'freg_org_number' as const
export const fregOnboardingStep = z.enum([...FREG_ONBOARDING_STEPS, FREG_ORG_NUMBER_REQUIREMENT])
export type FregRequirement = z.infer<typeof fregOnboardingStep>

/** Person fields a FREG lookup can fill, in form order. */
export const FREG_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'sex',
  'street',
  'postcode',
  'place',
  'residenceKommune',
  'protectedAddress',
] as const
export const fregField = z.enum(FREG_FIELDS)
export type FregField = z.infer<typeof fregField>

export const fregAddress = z.object({
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  /** Bostedsadresse, or oppholdsadresse when the person has no residential address (D-nummer). */
  kind: z.enum(['bosted', 'opphold']),
  validFrom: z.string().nullable(),
})

/** A person as Folkeregisteret has them now (the `erGjeldende` version of each element). */
export const fregPerson = z.object({
  nationalId: z.string(),
  idType: z.enum(['fnr', 'dnr']),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: isoDate.nullable(),
  sex: sex.nullable(),
  status: fregPersonStatus,
  deathDate: isoDate.nullable(),
  protectedAddress,
  /** Null when protected, unknown (ukjent bosted), or the person has no address in Norway. */
  address: fregAddress.nullable(),
  /** Kommunenummer of the residence; null when the address is protected. */
  residenceKommune: z.string().nullable(),
  unknownResidence: z.boolean(),
})
export type FregPerson = z.infer<typeof fregPerson>

export const fregLookupBody = z.object({ nationalId: z.string().trim().min(1).max(20) })

export const fregLookupResult = z.object({
  person: fregPerson,
  fetchedAt: z.string(),
  /** Signed by the server: lets the tracer save exactly these values with their provenance. */
  receipt: z.string(),
  /** The person already in this municipality's register with the same national id, if any. */
  knownPersonId: z.string().nullable(),
})
export type FregLookupResult = z.infer<typeof fregLookupResult>

export const fregFieldChange = z.object({
  field: fregField,
  current: z.string().nullable(),
  freg: z.string().nullable(),
  changed: z.boolean(),
})
export type FregFieldChange = z.infer<typeof fregFieldChange>

export const fregRefreshResult = fregLookupResult.extend({ changes: z.array(fregFieldChange) })
export type FregRefreshResult = z.infer<typeof fregRefreshResult>

export const fregApplyBody = z.object({
  version: versionField,
  receipt: z.string().min(10).max(20_000),
  /** Which fields to take from FREG. Protection is always applied when FREG reports it. */
  fields: z.array(fregField).max(FREG_FIELDS.length),
})

export const fregStatusResponse = z.object({
  /** A FREG (real or fake) is configured for this installation. */
  configured: z.boolean(),
  /** Configured and all four onboarding steps are recorded for the active municipality. */
  enabled: z.boolean(),
  missingSteps: z.array(fregOnboardingStep),
  /** Only with the in-repo fake FREG (demo, tests): the synthetic persons it knows. */
  testPersons: z.array(z.object({ nationalId: z.string(), label: z.string() })).optional(),
})
export type FregStatus = z.infer<typeof fregStatusResponse>

/** Problem codes of a failed lookup; the web app explains each one. */
export const FREG_PROBLEM_CODES = [
  'freg-not-found',
  'freg-disabled',
  'freg-not-configured',
  'freg-unavailable',
  'freg-receipt-invalid',
  'freg-no-national-id',
  'freg-not-delegated',
] as const
export type FregProblemCode = (typeof FREG_PROBLEM_CODES)[number]

/** Why FREG could not answer (problem `reason` of 'freg-unavailable'). */
export const FREG_UNAVAILABLE_REASONS = [
  'timeout',
  'server-error',
  'network',
  'circuit-open',
  'auth',
  'forbidden',
  'rate-limited',
  'bad-response',
  /** Maskinporten refused the municipality's `consumer_org`: no delegation in Altinn. */
  'not-delegated',
] as const
export type FregUnavailableReason = (typeof FREG_UNAVAILABLE_REASONS)[number]
