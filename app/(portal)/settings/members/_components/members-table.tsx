"use client";
import { useTransition } from "react";
import { toast } from "sonner";
import type { Role } from "@/generated/prisma/enums";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter,
  AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { changeRoleAction, removeMemberAction } from "@/lib/members/actions";
import { ResetPasswordDialog } from "./reset-password-dialog";

type Member = { id: string; userId: string; email: string; name: string; role: Role; since: string; twoFactor: boolean };

export function MembersTable({ members, currentUserId, canGrantOwner }: { members: Member[]; currentUserId: string; canGrantOwner: boolean }) {
  const [pending, startTransition] = useTransition();

  const changeRole = (m: Member, role: Role) =>
    startTransition(async () => {
      const r = await changeRoleAction({ membershipId: m.id, role });
      if (r.ok) toast.success(`${m.email} is now ${ROLE_LABELS[role].toLowerCase()}.`);
      else toast.error(r.error);
    });
  const remove = (m: Member) =>
    startTransition(async () => {
      const r = await removeMemberAction({ membershipId: m.id });
      if (r.ok) toast.success(`${m.email} was removed.`);
      else toast.error(r.error);
    });

  return (
    <Table label="Members">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Two-factor</TableHead>
          <TableHead>Member since</TableHead>
          <TableHead><span className="sr-only">Actions</span></TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => {
          // Owners' rows are read-only for admins; the server enforces the same rule.
          const locked = m.role === "OWNER" && !canGrantOwner;
          return (
            <TableRow key={m.id}>
              <TableCell className="font-medium">{m.name}{m.userId === currentUserId ? <span className="text-muted-foreground"> (you)</span> : null}</TableCell>
              <TableCell>{m.email}</TableCell>
              <TableCell>
                {locked ? (
                  ROLE_LABELS[m.role]
                ) : (
                  <NativeSelect
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    disabled={pending}
                    onChange={(e) => changeRole(m, e.target.value as Role)}
                    className="w-36"
                  >
                    {ROLES.filter((r) => canGrantOwner || r !== "OWNER").map((r) => (
                      <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                    ))}
                  </NativeSelect>
                )}
              </TableCell>
              <TableCell>{m.twoFactor ? "On" : "Off"}</TableCell>
              <TableCell>{formatDate(m.since)}</TableCell>
              <TableCell className="text-right">
                {locked || m.userId === currentUserId ? null : <ResetPasswordDialog membershipId={m.id} email={m.email} disabled={pending} />}
                {locked ? null : (
                  <AlertDialog>
                    <AlertDialogTrigger asChild>
                      <Button variant="ghost" size="sm" disabled={pending} aria-label={`Remove ${m.email}`}>Remove</Button>
                    </AlertDialogTrigger>
                    <AlertDialogContent>
                      <AlertDialogHeader>
                        <AlertDialogTitle>Remove {m.email}?</AlertDialogTitle>
                        <AlertDialogDescription>
                          They lose access to this organization on their next click. Their account and their entries in the audit log stay.
                        </AlertDialogDescription>
                      </AlertDialogHeader>
                      <AlertDialogFooter>
                        <AlertDialogCancel>Cancel</AlertDialogCancel>
                        <AlertDialogAction onClick={() => remove(m)}>Remove member</AlertDialogAction>
                      </AlertDialogFooter>
                    </AlertDialogContent>
                  </AlertDialog>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
