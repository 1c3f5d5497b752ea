import type { Metadata } from "next";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listMembers } from "@/lib/members/queries";
import { Forbidden } from "../../_components/forbidden";
import { AddMemberDialog } from "./_components/add-member-dialog";
import { MembersTable } from "./_components/members-table";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const ctx = await currentContext();
  if (!ctx) return null;
  if (!can(ctx.role, "members.read")) return <Forbidden what="Member management" />;
  const members = await listMembers(db(), ctx.org.id);
  const canGrantOwner = can(ctx.role, "owners.manage");
  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="members-heading" className="text-lg font-semibold">Members</h2>
          <p className="text-sm text-muted-foreground">
            Viewers read; operators register and manage brands and campaigns; admins also manage members and settings.
          </p>
        </div>
        <AddMemberDialog canGrantOwner={canGrantOwner} />
      </div>
      <MembersTable members={members.map((m) => ({ ...m, since: m.since.toISOString() }))} currentUserId={ctx.user.id} canGrantOwner={canGrantOwner} />
    </section>
  );
}
