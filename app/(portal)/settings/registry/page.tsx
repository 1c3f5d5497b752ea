import type { Metadata } from "next";
import { currentContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { availableKinds } from "@/lib/providers/adapters";
import { capabilitiesOf } from "@/lib/providers/capabilities";
import { getConnectionView, sandboxOrigin } from "@/lib/registry/connection";
import { Forbidden } from "../../_components/forbidden";
import { readAccount } from "@/lib/registry/account";
import { describeRegistryError } from "@/lib/registry/errors";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { AccountCard } from "./_components/account-card";
import { ConnectionTest } from "./_components/connection-test";
import { RegistryForm } from "./_components/registry-form";
import { SandboxConnect } from "./_components/sandbox-connect";

export const metadata: Metadata = { title: "Registry connection" };

export default async function RegistryPage() {
  const ctx = await currentContext();
  if (!ctx) return null;
  if (!can(ctx.role, "settings.read")) return <Forbidden what="The registry connection" />;
  const view = await getConnectionView(db(), ctx.org.id);
  const caps = view ? capabilitiesOf(view.kind) : null;
  const sandbox = sandboxOrigin();
  const canEdit = can(ctx.role, "settings.manage");
  // The CSP profile is TCR's: a CPaaS upstream has no such account to read.
  const account = view && caps?.has("account.profile")
    ? await readAccount(db(), ctx.org.id).then(
        (p) => ({ ok: true as const, p }),
        (e: unknown) => ({ ok: false as const, message: describeRegistryError(e)?.message ?? "The registry could not be reached." }),
      )
    : null;
  return (
    <section aria-labelledby="registry-heading" className="max-w-3xl space-y-4">
      <div>
        <h2 id="registry-heading" className="text-lg font-semibold">Registry connection</h2>
        <p className="text-sm text-muted-foreground">
          How this organization reaches The Campaign Registry: directly with the registry&apos;s API key and secret, through
          an aggregator with its API key, or through a CPaaS provider that registers with TCR for you. Keys are encrypted at
          rest and never shown again after saving.
        </p>
      </div>
      <RegistryForm
        kinds={availableKinds()}
        sandboxUrl={sandbox}
        current={view ? { baseUrl: view.baseUrl, provider: view.provider, authMode: view.authMode, apiKeyHint: view.apiKeyHint, hasSecret: view.hasSecret, hasWebhookSecret: view.hasWebhookSecret } : null}
        canEdit={can(ctx.role, "settings.manage")}
      />
      {sandbox && canEdit ? <SandboxConnect kinds={availableKinds()} origin={sandbox} initial={view?.kind ?? "TCR_BEARER"} /> : null}
      {view ? (
        <ConnectionTest
          key={view.updatedAt.toISOString()}
          last={{ at: view.lastTestedAt?.toISOString() ?? null, ok: view.lastTestOk, message: view.lastTestMessage }}
        />
      ) : null}
      {account?.ok ? (
        <AccountCard
          canEdit={can(ctx.role, "settings.manage")}
          profile={{
            cspId: account.p.cspId ?? null,
            flags: [
              ["Sole proprietor", account.p.soleProprietorEnabled ?? null],
              ["Platform free trial", account.p.platformFreeTrialEnabled ?? null],
              ["UCaaS", account.p.ucaasEnabled ?? null],
              ["Public safety", account.p.publicSafetyEnabled ?? null],
              ["DPA signed", account.p.dpaSigned ?? null],
            ],
            emails: { email: account.p.email ?? "", techEmail: account.p.techEmail ?? "", financeEmail: account.p.financeEmail ?? "", escalateEmail: account.p.escalateEmail ?? "" },
          }}
        />
      ) : account ? (
        <Alert tone="warning">
          <AlertTitle>The registry account could not be read</AlertTitle>
          <AlertDescription>{account.message}</AlertDescription>
        </Alert>
      ) : null}
    </section>
  );
}
