"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { currentUser, ORG_COOKIE } from "@/lib/auth/context";
import { appCookieOptions } from "@/lib/auth/cookies";
import { db } from "@/lib/db";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { createOrganization, setRequireTwoFactor } from "@/lib/organizations/commands";
import { createOrgSchema, requireTwoFactorSchema, switchOrgSchema } from "@/lib/organizations/schemas";
import { orgAction, PASSWORD_CHANGE_REQUIRED, zodFieldErrors, type ActionResult } from "@/lib/safe-action";

// These two act on the user rather than inside one organization, so they check membership themselves. Switching is
// open to a member held at two-factor enrolment: the rule belongs to one organization, not to the others.
export async function switchOrganizationAction(input: { orgId: string }): Promise<ActionResult<null>> {
  const session = await currentUser();
  if (!session) return { ok: false, error: new UnauthenticatedError().message };
  if (session.user.mustChangePassword) return { ok: false, error: PASSWORD_CHANGE_REQUIRED };
  const parsed = switchOrgSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Choose an organization." };
  const m = await db().membership.findUnique({ where: { userId_orgId: { userId: session.user.id, orgId: parsed.data.orgId } } });
  if (!m) return { ok: false, error: new NotFoundError("That organization").message };
  (await cookies()).set(ORG_COOKIE, m.orgId, appCookieOptions());
  return { ok: true, data: null };
}

export async function createOrganizationAction(input: { name: string }): Promise<ActionResult<{ orgId: string }>> {
  const session = await currentUser();
  if (!session) return { ok: false, error: new UnauthenticatedError().message };
  if (session.user.mustChangePassword) return { ok: false, error: PASSWORD_CHANGE_REQUIRED };
  const parsed = createOrgSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Some fields need attention.", fieldErrors: zodFieldErrors(parsed.error) };
  const org = await createOrganization(db(), session.user, parsed.data.name);
  (await cookies()).set(ORG_COOKIE, org.id, appCookieOptions());
  return { ok: true, data: { orgId: org.id } };
}

export const setRequireTwoFactorAction = orgAction(
  { name: "settings.require_two_factor", permission: "security.manage", schema: requireTwoFactorSchema },
  async (input, ctx) => {
    const r = await setRequireTwoFactor(db(), ctx, input);
    revalidatePath("/settings/security");
    return r;
  },
);
