import { createHmac, timingSafeEqual } from 'node:crypto'
import { type FregPerson, fregPerson } from '../../../shared/api/freg'

/**
 * A lookup receipt: what FREG answered, for whom and when, signed with a key derived from the
 * session secret. The tracer confirms a preview and sends the receipt back; the server then saves
 * exactly what Folkeregisteret said (not what a browser claims it said) and records when it was
 * fetched, without asking FREG a second time.
 */
const VALID_MS = 30 * 60_000

export interface ReceiptContent {
  kommune: string
  person: FregPerson
  fetchedAt: string
}

const keyOf = (secret: string) => createHmac('sha256', secret).update('smittespor:freg-receipt:v1').digest()

function sign(secret: string, payload: string) {
  return createHmac('sha256', keyOf(secret)).update(payload).digest('base64url')
}

export function createReceipt(secret: string, c: ReceiptContent, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...c, expiresAt: now + VALID_MS })).toString('base64url')
  return `${payload}.${sign(secret, payload)}`
}

/** The content of a receipt made by this installation for this municipality, or null. */
export function readReceipt(
  secret: string,
  receipt: string,
  kommune: string,
  now = Date.now(),
): ReceiptContent | null {
  const [payload, mac, ...rest] = receipt.split('.')
  if (!payload || !mac || rest.length > 0) return null
  const expected = Buffer.from(sign(secret, payload))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString()) as ReceiptContent & {
      expiresAt: number
    }
    if (c.kommune !== kommune || typeof c.expiresAt !== 'number' || c.expiresAt < now) return null
    const person = fregPerson.safeParse(c.person)
    if (!person.success || typeof c.fetchedAt !== 'string') return null
    return { kommune: c.kommune, person: person.data, fetchedAt: c.fetchedAt }
  } catch {
    return null
  }
}
