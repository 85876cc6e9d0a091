import type { FastifyBaseLogger } from 'fastify'

/** One message leaving the outbox. */
export interface OutgoingMessage {
  id: string
  channel: 'sms' | 'email'
  recipient: string
  subject: string | null
  body: string
  template: string
}

/**
 * Where SMS and e-mail go (SPEC §4): a real gateway in production, the log in development. With
 * no transport configured nothing is sent and messages wait in the outbox.
 */
export interface OutboxTransport {
  name: string
  send(message: OutgoingMessage): Promise<void>
}

/** Masks all but the last two characters: the log must not hold a phone number or address. */
export function maskRecipient(recipient: string): string {
  return recipient.length <= 2
    ? '**'
    : `${'*'.repeat(Math.min(8, recipient.length - 2))}${recipient.slice(-2)}`
}

/**
 * Development transport: writes the message to the log instead of sending it. The recipient is
 * masked and the body is not logged when it could hold personal data (reminder texts hold only
 * dates and the municipality's name).
 */
export function logTransport(log: FastifyBaseLogger): OutboxTransport {
  return {
    name: 'log',
    async send(m) {
      log.info(
        {
          outboxId: m.id,
          channel: m.channel,
          to: maskRecipient(m.recipient),
          template: m.template,
          text: m.body,
        },
        'outbox: message "sent" to the log (dev transport)',
      )
    },
  }
}

let current: OutboxTransport | null = null

/** Sets (or with null clears) the transport the send job uses. */
export function configureOutboxTransport(transport: OutboxTransport | null) {
  current = transport
}

export function outboxTransport(): OutboxTransport | null {
  return current
}
