import { createServer } from 'node:net'

/**
 * A minimal cookie-keeping HTTP walker for testing the OIDC login against the fake ID-porten over
 * real sockets (redirects followed by hand so each hop can be asserted).
 */
export class CookieJar {
  private cookies = new Map<string, string>()

  store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const i = pair!.indexOf('=')
      const name = pair!.slice(0, i).trim()
      const value = pair!.slice(i + 1)
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  get(name: string) {
    return this.cookies.get(name)
  }
}

export async function hop(jar: CookieJar, url: string, init: RequestInit = {}) {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as object), cookie: jar.header() },
  })
  jar.store(res)
  return res
}

/** Follows redirects from url until a non-redirect answer or a location matching stopAt. */
export async function follow(jar: CookieJar, url: string, stopAt?: RegExp, init?: RequestInit) {
  let res = await hop(jar, url, init)
  let current = url
  for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i++) {
    const next = new URL(res.headers.get('location')!, current).href
    if (stopAt?.test(next)) return { res, url: next }
    current = next
    res = await hop(jar, current)
  }
  return { res, url: current }
}

/** A free TCP port on 127.0.0.1, for an app that must listen on a known address (OIDC redirects). */
export async function freePort() {
  return new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}
