/**
 * What the portal reads from TCR's enum and all-use-case endpoints, served from Vonage's single `GET /enum` and its
 * per-use-case qualification (`GET /brands/:brand_id/usecases/:usecase`), in TCR's shapes:
 *   enum.vertical            ← enum.vertical[{id, display_name, description}]      → {ID: {displayName, description}}
 *   enum.country             ← enum.country[{id, description}]                     → {ID: description}
 *   enum.altBusinessIdType   ← enum.alt_business_id_type[{id}]                     → ["NONE", ...ids]
 *   enum.extVettingProvider  ← enum.vetting_provider[{id, display_name, vetting_classes}] → [{evpId, displayName, vettingClasses}]
 *   enum.vettingClass        ← enum.vetting_class[{id, display_name, description, enabled, validity_months}]
 *   enum.usecase             ← enum.usecase[{id, display_name, classification, min_sub_usecases, max_sub_usecases,
 *                              valid_sub_usecase, min_msg_samples}]                → {ID: {displayName, classification, …}}
 *   campaignBuilder.qualifyBrand(brandId) ← qualifyBrandUsecase for every use case of the enum (5 at a time); a use
 *                              case Vonage refuses for this brand is left out, as TCR's list leaves it out.
 * Vonage's qualification carries no sub-use-case limits: they are taken from the enum.
 */
import { ConsentSchema } from "@/lib/campaigns/consent";
import { ValidationFailedError } from "@/lib/errors";
import type { TcrClientConfig } from "@/lib/tcr/http";
import type { UsecaseQualification } from "@/lib/tcr/schemas/campaignBuilder";
import { TcrError } from "@/lib/tcr/errors";
import type { AdapterParts } from "../port";
import { createVonageClient, type VonageClient } from "./client";
import { VonageStartVerificationResponse } from "./schemas";

type Item = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);

export function vonagePortExtras(v: VonageClient) {
  let cached: Promise<Record<string, unknown[]>> | null = null;
  const enums = () => {
    cached ??= v.enums().catch((e: unknown) => {
      cached = null;
      throw e;
    });
    return cached;
  };
  const list = async (key: string) => ((await enums())[key] ?? []).filter((x): x is Item => Boolean(x) && typeof x === "object");

  const usecase = async () => Object.fromEntries((await list("usecase")).flatMap((u) => {
    const id = str(u.id);
    return id ? [[id, {
      displayName: str(u.display_name) ?? id, description: str(u.description), classification: str(u.classification),
      minSubUsecases: num(u.min_sub_usecases), maxSubUsecases: num(u.max_sub_usecases), validSubUsecase: u.valid_sub_usecase === true,
      minMsgSamples: num(u.min_msg_samples),
    }]] : [];
  })) as Record<string, Record<string, unknown>>;

  const qualifyBrandUsecase = async (brandId: string, uc: string): Promise<UsecaseQualification> => {
    const [q, all] = await Promise.all([v.campaignBuilder.qualifyBrandUsecase(brandId, uc), usecase()]);
    const def = all[uc];
    return { ...q, minSubUsecases: num(def?.minSubUsecases) ?? null, maxSubUsecases: num(def?.maxSubUsecases) ?? null };
  };

  const qualifyBrand = async (brandId: string): Promise<Partial<UsecaseQualification>[]> => {
    const ids = Object.keys(await usecase());
    const out: (UsecaseQualification | null)[] = new Array(ids.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        try {
          out[i] = await qualifyBrandUsecase(brandId, ids[i]!);
        } catch (e) {
          // Not available to this brand (Vonage answers 4xx): not in the list. Anything else is a real failure.
          if (!(e instanceof TcrError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 429)) throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: 5 }, worker));
    return out.filter((q): q is UsecaseQualification => q !== null);
  };

  return {
    enums: {
      usecase,
      vertical: async () => Object.fromEntries((await list("vertical")).flatMap((x) => (str(x.id) ? [[str(x.id)!, { displayName: str(x.display_name) ?? str(x.id)!, description: str(x.description) }]] : []))),
      country: async () => Object.fromEntries((await list("country")).flatMap((x) => (str(x.id) ? [[str(x.id)!, str(x.description) ?? str(x.id)!]] : []))),
      altBusinessIdType: async () => ["NONE", ...(await list("alt_business_id_type")).flatMap((x) => (str(x.id) ? [str(x.id)!] : []))],
      extVettingProvider: async () => (await list("vetting_provider")).flatMap((x) => (str(x.id) ? [{
        evpId: str(x.id)!, displayName: str(x.display_name) ?? str(x.id)!,
        vettingClasses: Array.isArray(x.vetting_classes) ? x.vetting_classes.filter((c): c is string => typeof c === "string") : [],
      }] : [])),
      vettingClass: async () => (await list("vetting_class")).flatMap((x) => (str(x.id) ? [{
        id: str(x.id)!, displayName: str(x.display_name), description: str(x.description), enabled: x.enabled !== false, validityMonths: num(x.validity_months),
      }] : [])),
    },
    campaignBuilder: { qualifyBrandUsecase, qualifyBrand },
  };
}

/** The Vonage adapter's parts for the provider port (lib/providers/port.ts). */
export function vonagePort(config: TcrClientConfig): AdapterParts {
  const v = createVonageClient(config);
  const extras = vonagePortExtras(v);
  return {
    brands: {
      ...v.brands,
      // Vonage's start_verification on a PUBLIC_PROFIT brand (re)sends the Authentication+ 2FA email; Vonage has no RCS 2FA.
      resend2faEmail: async (brandId, query = {}) => {
        if (query.vettingClass && query.vettingClass !== "AUTHPLUS") {
          throw new ValidationFailedError({ vettingClass: "Vonage sends only the Authentication+ 2FA email." }, "Vonage sends only the Authentication+ 2FA email.");
        }
        await v.http.call("POST", `/brands/${encodeURIComponent(brandId)}/start_verification`, VonageStartVerificationResponse, {
          op: "vonage.brand.startVerification", template: "/brands/:brand_id/start_verification", body: {},
        });
      },
    },
    enums: extras.enums,
    // Reconciliation pages through TCR's account-wide campaign listing; Vonage's campaign search is that listing.
    campaigns: { ...v.campaigns, searchDeprecated: v.campaigns.search },
    campaignBuilder: {
      ...v.campaignBuilder,
      ...extras.campaignBuilder,
      // The builder's structured consent goes to Vonage as message_flow_details (Vonage no longer accepts the text).
      create: async (input, opts) => {
        const parsed = opts.consent === undefined ? null : ConsentSchema.safeParse(opts.consent);
        if (parsed && !parsed.success) {
          throw new ValidationFailedError(
            Object.fromEntries(parsed.error.issues.map((i) => [`consent.${i.path.join(".")}`, i.message])),
            "Complete the consent section: Vonage registers it field by field.",
          );
        }
        return v.campaignBuilder.create(input, { idempotencyKey: opts.idempotencyKey, ...(parsed?.data ? { consent: parsed.data } : {}) });
      },
    },
  };
}
