import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/context";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

// Outside the portal layout, which sends a user whose password an admin reset here; everyone else has the
// change-password form on their Account page.
export default async function ChangePasswordPage() {
  const session = await currentUser();
  if (!session) redirect("/sign-in?error=SessionRequired");
  if (!session.user.mustChangePassword) redirect("/account");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-lg font-semibold tracking-tight">CampaignDesk</p>
          <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
          <p className="text-sm text-muted-foreground">
            An administrator reset your password. Enter the temporary password you were given, then choose your own.
          </p>
        </div>
        <ChangePasswordForm afterChange="/dashboard" />
      </div>
    </main>
  );
}
