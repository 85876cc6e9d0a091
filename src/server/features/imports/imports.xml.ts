import { SaxesParser, type SaxesTagPlain } from 'saxes'

/**
 * Streaming XML for the parts of an XLSX (saxes: no DTDs, no entity expansion beyond XML's five).
 * Names are taken without their prefix, so `<x:row>` and `<row>` read the same.
 */
export const local = (name: string) => name.slice(name.indexOf(':') + 1)

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void
  close?(name: string): void
  text?(text: string): void
}

function parser(h: XmlHandlers) {
  const p = new SaxesParser()
  p.on('opentag', (t: SaxesTagPlain) => h.open?.(local(t.name), t.attributes as Record<string, string>))
  p.on('closetag', (t: SaxesTagPlain) => h.close?.(local(t.name)))
  p.on('text', (t: string) => h.text?.(t))
  p.on('cdata', (t: string) => h.text?.(t))
  return p
}

/** Parses a whole (small) part. */
export function parseXml(xml: string, h: XmlHandlers) {
  parser(h).write(xml).close()
}

const CHUNK = 256 * 1024

/**
 * Parses a big part in chunks, handing back whatever the handlers collected after each chunk, so
 * the caller can pass rows on before the rest is parsed. `stop()` ends early (headers only).
 */
export function* parseXmlChunks<T>(bytes: Uint8Array, h: XmlHandlers, drain: () => T[]): Generator<T> {
  const p = parser(h)
  const decoder = new TextDecoder('utf-8')
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const last = at + CHUNK >= bytes.length
    p.write(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: !last }))
    yield* drain()
  }
  p.close()
  yield* drain()
}
