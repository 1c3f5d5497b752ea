/**
 * Whether PostgreSQL can store and compare this string: a NUL character is refused by text columns (even in a
 * WHERE clause: "invalid byte sequence for encoding UTF8: 0x00") and an unpaired surrogate by jsonb. Input that
 * fails this is refused at the edge (orgAction, route parameters) rather than as a database error in a handler.
 */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && s.isWellFormed();
}
