"use client";
import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { toast } from "sonner";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter,
  AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { revokeAllSessionsAction, revokeSessionAction } from "@/lib/account/actions";
import { formatDateTime } from "@/lib/format";

type Session = { id: string; createdAt: string; lastSeenAt: string; device: string; current: boolean };

export function SessionsTable({ sessions }: { sessions: Session[] }) {
  const [pending, startTransition] = useTransition();

  const revoke = (s: Session) =>
    startTransition(async () => {
      const r = await revokeSessionAction({ sessionId: s.id });
      if (!r.ok) return void toast.error(r.error);
      // Ending this very session leaves nothing to stay on: go to sign-in like any sign-out.
      if (r.data.current) return void (await signOut({ callbackUrl: "/sign-in" }));
      toast.success(`${s.device} was signed out.`);
    });
  const revokeAll = () =>
    startTransition(async () => {
      const r = await revokeAllSessionsAction({});
      if (!r.ok) return void toast.error(r.error);
      await signOut({ callbackUrl: "/sign-in" });
    });

  return (
    <div className="space-y-4">
      <Table label="Signed-in browsers">
        <TableHeader>
          <TableRow>
            <TableHead>Device</TableHead>
            <TableHead>Signed in</TableHead>
            <TableHead>Last seen</TableHead>
            <TableHead><span className="sr-only">Actions</span></TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sessions.map((s) => (
            <TableRow key={s.id}>
              <TableCell className="font-medium">
                {s.device} {s.current ? <Badge tone="info">This session</Badge> : null}
              </TableCell>
              <TableCell>{formatDateTime(s.createdAt)}</TableCell>
              <TableCell>{formatDateTime(s.lastSeenAt)}</TableCell>
              <TableCell className="text-right">
                <Button variant="ghost" size="sm" disabled={pending} onClick={() => revoke(s)}
                  aria-label={s.current ? "Sign out this session" : `Sign out ${s.device} (signed in ${formatDateTime(s.createdAt)})`}>
                  Sign out
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button variant="outline" disabled={pending}>Sign out everywhere</Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Sign out everywhere?</AlertDialogTitle>
            <AlertDialogDescription>Every session ends, this one included; you will need your password to sign in again.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={revokeAll}>Sign out everywhere</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
