import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db";
import { registryClientFor } from "@/lib/registry/client";
import type { profileEmailsSchema } from "@/lib/registry/schemas";

type Ctx = Pick<OrgContext, "org" | "user">;


export async function readAccount(db: Db, orgId: string) {
  const client = await registryClientFor(db, orgId);
  return client.settings.getProfile();
}

export async function updateProfileEmails(db: Db, ctx: Ctx, input: z.infer<typeof profileEmailsSchema>) {
  const client = await registryClientFor(db, ctx.org.id);
  await client.settings.updateProfile(input);
  await audit(db, { orgId: ctx.org.id, actor: ctx.user, action: "registry.profile.update", targetType: "csp_profile", targetId: ctx.org.id, outcome: "SUCCESS", detail: { fields: Object.keys(input) } });
}
