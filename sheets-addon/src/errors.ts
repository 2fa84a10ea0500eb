/** The text of a thrown value: service errors are not always `instanceof Error` (another realm). */
export function messageOf(error: unknown): string {
  return error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
}
