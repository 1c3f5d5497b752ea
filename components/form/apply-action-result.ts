import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/safe-action";

/**
 * Puts a failed action's field errors on the form's fields (server-side checks the browser could not make,
 * e.g. "already a member") and returns the form-level message, or null when the action succeeded.
 */
export function applyActionResult<T extends FieldValues>(result: ActionResult<unknown>, setError: UseFormSetError<T>): string | null {
  if (result.ok) return null;
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
    if (field === "_form") unplaced.push(message);
    else setError(field as Path<T>, { type: "server", message });
  }
  return unplaced[0] ?? result.error;
}
