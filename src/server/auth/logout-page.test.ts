import { describe, expect, it } from 'vitest'
import { renderLogoutPage } from './logout-page'

describe('renderLogoutPage', () => {
  const form = {
    action: 'https://login.idporten.no/logout',
    fields: {
      client_id: 'smittespor',
      id_token_hint: 'a.b"<c',
      post_logout_redirect_uri: 'https://x.no/logget-ut',
    },
  }

  it('lets forms go to the end-session origin and ourselves only; no inline script', () => {
    const { csp } = renderLogoutPage(form, true)
    expect(csp).toContain("form-action 'self' https://login.idporten.no;")
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-inline')
  })

  it('POSTs every field, escaped, and has a button for when scripts are off', () => {
    const { html } = renderLogoutPage(form, true)
    expect(html).toContain('<form id="logout" method="post" action="https://login.idporten.no/logout">')
    expect(html).toContain('<input type="hidden" name="id_token_hint" value="a.b&quot;&lt;c">')
    expect(html).toContain('<button type="submit">')
    expect(html).toContain('<html lang="nb">')
    expect(html).not.toMatch(/<script>/)
  })
})
