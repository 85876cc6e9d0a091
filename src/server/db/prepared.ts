import { createHash } from 'node:crypto'
import type pg from 'pg'

/**
 * Distinct statements one connection keeps prepared; later new ones run unnamed. The app has a
 * few hundred query shapes and the hot ones come first; the cap bounds PostgreSQL's memory.
 */
export const MAX_PREPARED_PER_CONNECTION = 300

/**
 * Makes a PostgreSQL client prepare each parameterised statement once and reuse it by name.
 *
 * node-postgres sends every query unnamed, so PostgreSQL parses and analyses it again each time;
 * a named statement is parsed once per connection (and PostgreSQL re-analyses it by itself when a
 * table it uses changes). Plans are still made per call with the actual values
 * (plan_cache_mode = force_custom_plan, set in kysely.ts): a generic plan, made once for all
 * values, was measured 40 times slower for Oslo's follow-up worklist. The name is a hash of the SQL text, so the same query builder shape always
 * finds its statement. Statements without parameters (BEGIN…, the COMMIT with the audit rows, DDL)
 * stay on the simple protocol, which also allows several statements in one message.
 *
 * One case PostgreSQL cannot re-plan: a `select *` whose columns changed under a running instance
 * (a rolling deploy with a migration). That query fails once and then runs unnamed on that
 * connection.
 */
export function prepareStatements(client: pg.PoolClient) {
  const names = new Set<string>()
  const unnamed = new Set<string>()
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>
  client.query = ((...args: unknown[]) => {
    const [text, values] = args
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || args.length > 2)
      return query(...args)
    if (PATTERN_MATCH.test(text)) return query(text, values)
    const name = statementName(text)
    if (unnamed.has(name) || (!names.has(name) && names.size >= MAX_PREPARED_PER_CONNECTION))
      return query(text, values)
    names.add(name)
    return query({ name, text, values }).catch((err: { code?: string; message?: string }) => {
      if (err?.code === '0A000' && err.message?.includes('cached plan')) unnamed.add(name)
      throw err
    })
  }) as typeof client.query
}

/**
 * Searches by pattern (LIKE, trigram similarity, regular expressions) stay unnamed: how many rows
 * a pattern matches decides the plan ("hansen" in Oslo: 20,000 rows; "zyx": none), and after five
 * runs PostgreSQL may settle on one generic plan for every pattern — measured at national scale:
 * name search went from 0.2 s to seconds. Equality lookups plan the same for any value.
 */
const PATTERN_MATCH = /\b(i?like|similarity|word_similarity)\b| %>? | <?% | ~\*? /i

const knownNames = new Map<string, string>()

/** The statement name of a SQL text (memoised: the same few hundred texts recur). */
function statementName(text: string): string {
  let name = knownNames.get(text)
  if (name === undefined) {
    name = `s${createHash('sha1').update(text).digest('base64url')}`
    if (knownNames.size < 5000) knownNames.set(text, name)
  }
  return name
}
