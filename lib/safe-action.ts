import { randomUUID } from "node:crypto";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { can, type Permission } from "@/lib/auth/permissions";
import { currentContext, type OrgContext } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, UnauthenticatedError, type FieldErrors } from "@/lib/errors";
import { log } from "@/lib/log";
import { isStorableText } from "@/lib/storable";
import { describeRegistryError } from "@/lib/registry/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: FieldErrors; logId?: string };

/** Errors from other layers (e.g. the registry client) that carry a user-facing message and field errors. */
export interface ExpectedError {
  expected: true;
  message: string;
  fieldErrors?: FieldErrors;
}
function isExpected(e: unknown): e is ExpectedError {
  return typeof e === "object" && e !== null && (e as ExpectedError).expected === true;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

type Options<S extends z.ZodType> = {
  /** Audit action name, e.g. "members.add". */
  name: string;
  permission: Permission;
  schema: S;
  /** What the action is about, so a refusal or failure is audited against it (and shows on its timeline). */
  target?: (input: z.infer<S>) => { type: string; id: string };
  /** The one kind of action a user whose password an admin reset may still call (choosing the new password). */
  allowedBeforePasswordChange?: boolean;
  /**
   * One of the few actions a member without two-factor sign-in may still call in an organization that requires it:
   * setting it up, and the account's own password and sessions (signing out).
   */
  allowedBeforeTwoFactor?: boolean;
};

export const PASSWORD_CHANGE_REQUIRED = "An administrator reset your password: choose a new one (Account → Change password) before doing anything else.";

export type ActionMeta = { name: string; permission: Permission; schema: z.ZodType };
export const TWO_FACTOR_REQUIRED = "This organization requires two-factor sign-in: set it up (Account → Two-factor sign-in) before doing anything else.";

/**
 * True when the active organization requires two-factor sign-in and the signed-in user has not turned it on. A user
 * whose two-factor state is unknown counts as not enrolled, so the rule fails closed.
 */
export function mustEnrolTwoFactor(ctx: Pick<OrgContext, "user" | "org">): boolean {
  return ctx.org.requireTwoFactor === true && ctx.user.totpEnabled !== true;
}

/**
 * Why this user may not act in the organization yet, or null: an admin's password reset first (so enrolling a second
 * factor waits for the new password), then the organization's two-factor rule. `allowed` names what the caller is
 * exempt from. Server actions pass here in orgAction; route handlers call it after currentContext().
 */
export function accountHold(ctx: Pick<OrgContext, "user" | "org">, allowed: { passwordChange?: boolean; twoFactor?: boolean } = {}): string | null {
  if (ctx.user.mustChangePassword && !allowed.passwordChange) return PASSWORD_CHANGE_REQUIRED;
  if (mustEnrolTwoFactor(ctx) && !allowed.twoFactor) return TWO_FACTOR_REQUIRED;
  return null;
}

const ACTION_META = new WeakMap<object, ActionMeta>();

/**
 * Builds a server action: session → organization membership → role → input schema → handler → error mapping.
 * The organization comes from the session context, never from the input. Refusals and failures are audited
 * here; the handler audits its success inside its own transaction.
 */
export function orgAction<S extends z.ZodType, T>(
  opts: Options<S>,
  handler: (input: z.infer<S>, ctx: OrgContext) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    let ctx: OrgContext | null = null;
    let target: { type: string; id: string } | undefined;
    try {
      ctx = await currentContext();
      if (!ctx) throw new UnauthenticatedError();
      const hold = accountHold(ctx, { passwordChange: opts.allowedBeforePasswordChange, twoFactor: opts.allowedBeforeTwoFactor });
      if (hold) throw new ForbiddenError(hold);
      if (!can(ctx.role, opts.permission)) throw new ForbiddenError();
      const unstorable = unstorableText(raw);
      if (unstorable) return { ok: false, error: "Some fields need attention.", fieldErrors: { [unstorable]: UNSTORABLE_MESSAGE } };
      const parsed = opts.schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: "Some fields need attention.", fieldErrors: zodFieldErrors(parsed.error) };
      }
      target = opts.target?.(parsed.data);
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (e) {
      return handleError(e, opts.name, ctx, target);
    }
  };
  ACTION_META.set(action, { name: opts.name, permission: opts.permission, schema: opts.schema });
  return action;
}

const UNSTORABLE_MESSAGE = "Remove the invisible control character (NUL) or broken emoji from this field.";

/**
 * The path of the first string in an input that PostgreSQL cannot store or compare: a NUL character (text columns
 * refuse it, even in a WHERE clause) or an unpaired surrogate (jsonb refuses it). Refused here, at the one gate every
 * action passes, rather than as a database error deep in a handler. Iterative, so deep nesting cannot overflow it.
 */
export function unstorableText(input: unknown): string | null {
  const stack: [unknown, string][] = [[input, ""]];
  const seen = new Set<object>();
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (!isStorableText(v)) return path || "_form";
    } else if (v && typeof v === "object" && !seen.has(v)) {
      seen.add(v);
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (!isStorableText(k)) return at;
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/**
 * The audit name, permission and input schema an orgAction was built with, or undefined for any other function. The
 * generated security suites (role matrix, tenant matrix, fuzzing) read every action's gate from here, so a new action
 * joins them without anyone listing it.
 */
export function actionMeta(fn: unknown): ActionMeta | undefined {
  return typeof fn === "function" ? ACTION_META.get(fn) : undefined;
}

async function handleError(e: unknown, name: string, ctx: OrgContext | null, target?: { type: string; id: string }): Promise<ActionResult<never>> {
  const registry = describeRegistryError(e);
  if (registry) e = { expected: true, message: registry.message, fieldErrors: registry.fieldErrors } satisfies ExpectedError;
  if (e instanceof AppError || isExpected(e)) {
    if (ctx) {
      await audit(db(), {
        orgId: ctx.org.id,
        actor: ctx.user,
        action: name,
        targetType: target?.type,
        targetId: target?.id,
        outcome: e instanceof ForbiddenError ? "DENIED" : "FAILURE",
        detail: { reason: e.message },
      }).catch((err) => log().error({ err }, "audit write failed"));
    }
    return { ok: false, error: e.message, fieldErrors: e.fieldErrors };
  }
  // Next's redirect()/notFound() work by throwing; let them through.
  if (e && typeof e === "object" && "digest" in e && typeof e.digest === "string" && /^NEXT_/.test(e.digest)) throw e;
  const logId = randomUUID().slice(0, 8);
  log().error({ err: e, logId, action: name, orgId: ctx?.org.id }, "unexpected error in server action");
  return { ok: false, error: `Something went wrong on our side. Quote reference ${logId} if you contact support.`, logId };
}
