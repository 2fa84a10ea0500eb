/**
 * The HTTP status an SDK error carries: Azure's RestError (`statusCode`), Gaxios (`response.status`,
 * `status`, numeric `code`), botframework-connector (`statusCode`). Duck-typed, since the error may
 * come from another copy of the SDK than the one this module would import.
 */
export function httpStatusOf(error: unknown): number | null {
  const e = error as { statusCode?: unknown; status?: unknown; code?: unknown; response?: { status?: unknown } } | null;
  for (const status of [e?.statusCode, e?.response?.status, e?.status, e?.code]) {
    if (typeof status === 'number') return status;
  }
  return null;
}
