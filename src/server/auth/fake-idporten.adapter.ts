import { generateKeyPairSync, randomUUID } from 'node:crypto'
import type { Adapter, AdapterPayload } from 'oidc-provider'

/**
 * Storage for the fake ID-porten (demo and tests only): one process, in memory, entries expire.
 * Given explicitly so oidc-provider does not fall back to its "quick start" adapter and print a
 * warning on every `npm start`; losing the fake's sessions on restart is what a demo wants.
 */
export function memoryAdapter() {
  const store = new Map<string, { payload: AdapterPayload; expires: number }>()
  const key = (model: string, id: string) => `${model}:${id}`
  const get = (k: string) => {
    const e = store.get(k)
    if (!e) return undefined
    if (e.expires < Date.now()) {
      store.delete(k)
      return undefined
    }
    return e.payload
  }
  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}
    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      store.set(key(this.model, id), { payload, expires: Date.now() + expiresIn * 1000 })
      if (payload.uid)
        store.set(key(`${this.model}:uid`, payload.uid), {
          payload: { id } as never,
          expires: Date.now() + expiresIn * 1000,
        })
      if (payload.userCode)
        store.set(key(`${this.model}:userCode`, payload.userCode), {
          payload: { id } as never,
          expires: Date.now() + expiresIn * 1000,
        })
    }
    async find(id: string) {
      return get(key(this.model, id))
    }
    async findByUid(uid: string) {
      const ref = get(key(`${this.model}:uid`, uid)) as { id?: string } | undefined
      return ref?.id ? get(key(this.model, ref.id)) : undefined
    }
    async findByUserCode(userCode: string) {
      const ref = get(key(`${this.model}:userCode`, userCode)) as { id?: string } | undefined
      return ref?.id ? get(key(this.model, ref.id)) : undefined
    }
    async consume(id: string) {
      const p = get(key(this.model, id))
      if (p) p.consumed = Math.floor(Date.now() / 1000)
    }
    async destroy(id: string) {
      store.delete(key(this.model, id))
    }
    async revokeByGrantId(grantId: string) {
      for (const [k, e] of store) if (e.payload.grantId === grantId) store.delete(k)
    }
  }
}

/** A signing key made at startup (the fake's tokens need not survive a restart). */
export function signingKeys() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' }] }
}
