/** The text of a thrown value: service errors are not always `instanceof Error` (another realm). */
export function messageOf(error: unknown): string {
  const text =
    error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
  // Our messages go on with ". Coba lagi…": a reason ending in its own full stop would print "..".
  return text.replace(/[.\s]+$/, '');
}
