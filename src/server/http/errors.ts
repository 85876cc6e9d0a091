/**
 * Application errors rendered as RFC 9457 problem+json by the error handler.
 * `type` is a stable code the web client switches on; `title` is safe to show (Norwegian).
 */
export interface FieldError {
  path: string
  message: string
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly extra: { detail?: string; errors?: FieldError[]; [k: string]: unknown } = {},
  ) {
    super(title)
  }
}

export const notFound = (what = 'Ressursen') => new AppError(404, 'not-found', `${what} finnes ikke`)
export const forbidden = (detail?: string) =>
  new AppError(403, 'forbidden', 'Du har ikke tilgang til dette', detail ? { detail } : {})
export const unauthorized = () => new AppError(401, 'unauthorized', 'Du må logge inn')
export const badRequest = (title: string, errors: FieldError[] = []) =>
  new AppError(400, 'validation', title, { errors })
export const fieldError = (path: string, message: string) =>
  new AppError(400, 'validation', 'Noen felt har ugyldige verdier', { errors: [{ path, message }] })
/** Optimistic locking: the record changed since the client read it. `current` holds what is stored now. */
export const conflict = (current: unknown, title = 'Noen andre har endret dette i mellomtiden') =>
  new AppError(409, 'conflict', title, { current })
export const unprocessable = (code: string, title: string, detail?: string) =>
  new AppError(422, code, title, detail ? { detail } : {})
export const serviceUnavailable = (title = 'Tjenesten er midlertidig utilgjengelig') =>
  new AppError(503, 'unavailable', title)
