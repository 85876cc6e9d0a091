import { describe, expect, it } from 'vitest'
import { guardClient } from './connection'

/** A stand-in pg client that records what is sent and reports a transaction status. */
function fakeClient(status: () => 'I' | 'T' | 'E') {
  const sent: string[] = []
  const client = {
    query: async (text: string, _values?: unknown[]) => {
      sent.push(text)
      return { rows: [] }
    },
    getTransactionStatus: status,
  }
  return { client, sent }
}

describe('guardClient (transaction pool mode)', () => {
  it('adds SET LOCAL ROLE to every BEGIN, in the same message', async () => {
    const { client, sent } = fakeClient(() => 'I')
    guardClient(client as never, 'smittespor_app', 'transaction')
    await client.query(`begin; select set_config('app.kommune', '0301', true)`)
    await client.query('start transaction isolation level serializable')
    expect(sent).toEqual([
      `begin; set local role smittespor_app; select set_config('app.kommune', '0301', true)`,
      'start transaction isolation level serializable; set local role smittespor_app;',
    ])
  })

  it('wraps a statement outside a transaction in one of its own', async () => {
    const { client, sent } = fakeClient(() => 'I')
    guardClient(client as never, 'smittespor_app', 'transaction')
    await client.query('select 1 from persons where id = $1', ['x'])
    expect(sent).toEqual([
      'begin; set local role smittespor_app',
      'select 1 from persons where id = $1',
      'commit',
    ])
  })

  it('never wraps what runs inside a transaction, nor the ROLLBACK after a failed BEGIN round trip', async () => {
    // The server status still says idle: the failed query's ReadyForQuery has not arrived yet.
    const { client, sent } = fakeClient(() => 'I')
    guardClient(client as never, 'smittespor_app', 'transaction')
    await client.query('begin; select app_session_assert(1)')
    await client.query('select 2', [])
    await client.query('rollback')
    await client.query('select 3', ['y'])
    expect(sent).toEqual([
      'begin; set local role smittespor_app; select app_session_assert(1)',
      'select 2',
      'rollback',
      'begin; set local role smittespor_app',
      'select 3',
      'commit',
    ])
  })

  it('in session mode only adds the role to BEGIN (the session switched role when it connected)', async () => {
    const { client, sent } = fakeClient(() => 'I')
    guardClient(client as never, 'smittespor_app', 'session')
    await client.query('select 1', ['x'])
    await client.query('begin')
    expect(sent).toEqual(['select 1', 'begin; set local role smittespor_app;'])
  })
})
