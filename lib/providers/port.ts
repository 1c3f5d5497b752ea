/**
 * The provider port: every upstream is reached through an object shaped like the TCR client (`client.brands.create`,
 * `client.campaigns.get`…), so the domain commands, reconciliation and the bulk engine never know which upstream they
 * talk to. The TCR client is the complete adapter; a provider adapter supplies the namespaces and methods its API has,
 * translating TCR-shaped requests and answers to its own, and every other method rejects with
 * UnsupportedByProviderError naming the capability's one-sentence reason. Pages consult the capability table first, so
 * a user never meets that error; it is the guard for code paths a page did not anticipate.
 */
import { AppError } from "@/lib/errors";
import { createTcrClient, type TcrClient } from "@/lib/tcr/client";
import type { OperationId } from "@/lib/tcr/endpoints";
import type { TcrClientConfig } from "@/lib/tcr/http";
import { bind } from "@/lib/tcr/op";
import { CAPABILITY_TABLE, type Capability } from "./capabilities";
import { PROVIDERS, type ProviderKind } from "./kinds";

export type RegistryPort = TcrClient;
export type Namespace = Exclude<keyof TcrClient, "http">;
type Fn = (...args: never[]) => unknown;
// The parameters are the TCR method's exactly; the answer is checked by each adapter's own schemas and contract
// tests (its records are TCR-shaped objects, but declared as interfaces, not as the zod outputs' index signatures).
type Plain<F> = F extends (...args: infer A) => Promise<unknown> ? (...args: A) => Promise<unknown> : never;
/**
 * What an adapter provides: any subset of the TCR client's namespaces and methods, taking the TCR method's arguments.
 * composePort tags each with the TCR operation it stands for (paging reads its page-size limit from it).
 */
export type AdapterParts = { [N in Namespace]?: { [M in keyof TcrClient[N]]?: Plain<TcrClient[N][M]> } };
export type AdapterFactory = (config: TcrClientConfig) => AdapterParts;

export class UnsupportedByProviderError extends AppError {
  override readonly status = 409;
  constructor(readonly kind: ProviderKind, readonly capability: Capability | null, readonly operation: string, reason: string) {
    super(reason);
  }
}

/** Which capability an operation belongs to, for the error's reason (method rules first, then the namespace). */
const METHOD_CAPABILITY: Record<string, Capability> = {
  "brands.getFeedback": "brand.feedback",
  "brands.revet": "brand.revet",
  "brands.triggerSmsOtp": "brand.smsOtp", "brands.verifySmsOtp": "brand.smsOtp", "brands.getSmsOtpStatus": "brand.smsOtp",
  "brands.resend2faEmail": "brand.authPlus",
  "brands.listAppeals": "brand.appeals", "brands.appeal": "brand.appeals", "brands.listAppealEvidence": "brand.appeals",
  "brands.uploadAppealEvidence": "brand.appeals",
  "brands.listExternalVetting": "brand.externalVetting", "brands.orderExternalVetting": "brand.externalVetting",
  "brands.listExternalVettingAppeals": "brand.appeals", "brands.appealExternalVetting": "brand.appeals",
  "brands.listEnhancedVettingReports": "brand.externalVetting",
  "brands.importExternalVetting": "brand.importVetting",
  "campaigns.uploadSupportingDocument": "campaign.files", "campaigns.listSupportingDocuments": "campaign.files",
  "campaigns.uploadMmsMedia": "campaign.files", "campaigns.listMmsMedia": "campaign.files",
  "campaigns.resubmit": "campaign.resubmit", "campaigns.nudge": "campaign.nudge",
  "campaigns.share": "migration.cnp", "campaigns.getSharing": "migration.cnp",
  "settings.getProfile": "account.profile", "settings.updateProfile": "account.profile",
  "settings.getCnpMigration": "migration.cnp", "settings.updateCnpMigration": "migration.cnp",
};
const NAMESPACE_CAPABILITY: Partial<Record<Namespace, Capability>> = {
  brands: "brand.register", brandAssets: "brand.assets", campaigns: "campaign.manage", campaignBuilder: "campaign.manage",
  mno: "campaign.manage", cnpMigration: "migration.cnp", partnerCampaigns: "migration.cnp", webhooks: "webhooks",
  resellers: "resellers", tags: "tags", attachments: "brand.appeals",
};

export function capabilityOfOperation(ns: Namespace, method: string): Capability | null {
  return METHOD_CAPABILITY[`${ns}.${method}`] ?? NAMESPACE_CAPABILITY[ns] ?? null;
}

// The TCR client's shape, read once from a client that is never called: its namespaces, methods and operation ids.
let shape: { ns: Namespace; methods: { name: string; operationId: OperationId | undefined }[] }[] | null = null;
function tcrShape() {
  shape ??= Object.entries(createTcrClient({ baseUrl: "http://shape.invalid/v2", auth: { mode: "bearer", apiKey: "-" } }))
    .filter(([ns, v]) => ns !== "http" && v && typeof v === "object")
    .map(([ns, v]) => ({
      ns: ns as Namespace,
      methods: Object.entries(v as Record<string, unknown>).filter(([, f]) => typeof f === "function")
        .map(([name, f]) => ({ name, operationId: (f as { operationId?: OperationId }).operationId })),
    }));
  return shape;
}

/** A complete client for `kind` from an adapter's parts: every missing method rejects with its reason. */
export function composePort(kind: ProviderKind, parts: AdapterParts, config: TcrClientConfig): RegistryPort {
  // The raw HTTP layer is TCR's own; nothing outside lib/tcr uses it, and an adapter never offers it.
  const raw = (m: string) => unsupported(kind, "platform", `http.${m}`);
  const out: Record<string, unknown> = { http: { config, call: raw("call"), callText: raw("callText"), callBinary: raw("callBinary") } };
  for (const { ns, methods } of tcrShape()) {
    const given = (parts[ns] ?? {}) as Record<string, unknown>;
    const composed: Record<string, unknown> = {};
    for (const { name, operationId } of methods) {
      const f = given[name];
      composed[name] = typeof f === "function"
        ? (operationId ? bind(operationId, (...args: never[]) => (f as Fn)(...args) as Promise<unknown>) : f)
        : unsupported(kind, ns, name);
    }
    out[ns] = composed;
  }
  return out as unknown as RegistryPort;
}

function unsupported(kind: ProviderKind, ns: Namespace, method: string) {
  const capability = capabilityOfOperation(ns, method);
  const row = capability ? CAPABILITY_TABLE[kind][capability] : null;
  const reason = typeof row === "string" ? row : `${PROVIDERS[kind].label} does not offer this registry operation (${ns}.${method}).`;
  return () => Promise.reject(new UnsupportedByProviderError(kind, capability, `${ns}.${method}`, reason));
}
