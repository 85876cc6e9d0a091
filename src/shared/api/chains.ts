import { z } from 'zod'
import { pageQuery, uuid } from './codes'

/** Transmission chains (SPEC §3.5): connected cases, contacts and events of one municipality. */

/** Nodes beyond this are left out of one chain view (a bounded neighbourhood of the case). */
export const CHAIN_VIEW_MAX_NODES = 500
/** A chain is active while its newest case is at most this many days old. */
export const CHAIN_ACTIVE_DAYS = 14

export const chainListQuery = pageQuery.extend({
  /** true: only chains with a case in the last 14 days; false: only the others. */
  active: z.enum(['true', 'false'], { message: 'Bruk true eller false' }).optional(),
  /** Leave out chains smaller than this (1 lists single cases too). */
  minSize: z.coerce.number().int().min(1).max(10_000).default(1),
})
export type ChainListQuery = z.input<typeof chainListQuery>

export const chainRoot = z.object({
  caseId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  testDate: z.string().nullable(),
})

export const chainListItem = z.object({
  id: z.string(),
  /** Nodes (cases, contacts, events) of the chain. */
  size: z.number().int(),
  /** Distinct persons in the chain (a contact who became a case counts once): the chain's size as shown. */
  persons: z.number().int(),
  cases: z.number().int(),
  contacts: z.number().int(),
  events: z.number().int(),
  newestCaseDate: z.string().nullable(),
  active: z.boolean(),
  /**
   * Cases of the chain with no known source inside it (no source contact or event, never a
   * contact); for a chain that began at an event, its earliest case.
   */
  roots: z.array(chainRoot),
})
export type ChainListItem = z.infer<typeof chainListItem>
export const chainList = z.object({ items: z.array(chainListItem), nextCursor: z.string().nullable() })
export type ChainList = z.infer<typeof chainList>

export const nodeKind = z.enum(['case', 'contact', 'event'])
export type NodeKind = z.infer<typeof nodeKind>
/**
 * What colours a node: case-open / case-closed; a contact in quarantine, active (no quarantine
 * registered), finished, became a case or not a contact; an event or an outbreak.
 */
export const nodeStatus = z.enum([
  'case-open',
  'case-closed',
  'quarantine',
  'active',
  'finished',
  'became_case',
  'not_contact',
  'event',
  'outbreak',
])
export type NodeStatus = z.infer<typeof nodeStatus>

export const chainNode = z.object({
  id: z.string(),
  kind: nodeKind,
  label: z.string(),
  status: nodeStatus,
  /** Case: test date (else registration date); contact: last exposure; event: start date. */
  date: z.string().nullable(),
  /** Breadth-first distance from the case the view was opened for. */
  depth: z.number().int().nullable(),
})
export type ChainNode = z.infer<typeof chainNode>

export const chainEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: z.enum(['exposure', 'became-case', 'same-person', 'source', 'participant']),
})
export type ChainEdge = z.infer<typeof chainEdge>

/** GET /api/chains/by-case/{caseId}: the chain holding the case (at most 500 nodes). */
export const chainView = z.object({
  chainId: z.string(),
  caseId: z.string(),
  /** Nodes in the whole chain. */
  size: z.number().int(),
  /** Distinct persons in the whole chain. */
  persons: z.number().int(),
  /** True when the chain is larger than the view: then `nodes` is the case's neighbourhood. */
  truncated: z.boolean(),
  nodes: z.array(chainNode),
  edges: z.array(chainEdge),
})
export type ChainView = z.infer<typeof chainView>

export const caseIdParam = z.object({ caseId: uuid })
export const chainIdParam = z.object({ id: uuid })
