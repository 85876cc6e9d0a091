import { readFile } from 'node:fs/promises'
import { type CryptoKey, calculateJwkThumbprint, exportJWK, importPKCS8, type JWK } from 'jose'

export interface ClientKey {
  key: CryptoKey
  kid: string
  /** The public half, as registered with ID-porten (or handed to the fake). */
  publicJwk: JWK
}

/**
 * The RP's private key for `private_key_jwt` (PKCS#8 PEM). Without an explicit key id the RFC 7638
 * thumbprint of the public key is used, the same value the fake and a JWK set would carry.
 */
export async function loadClientKey(file: string, kid?: string): Promise<ClientKey> {
  const key = await importPKCS8(await readFile(file, 'utf8'), 'RS256', { extractable: true })
  const { kty, n, e } = await exportJWK(key)
  const publicJwk: JWK = { kty, n, e, alg: 'RS256', use: 'sig' }
  const resolvedKid = kid ?? (await calculateJwkThumbprint(publicJwk))
  return { key, kid: resolvedKid, publicJwk: { ...publicJwk, kid: resolvedKid } }
}
