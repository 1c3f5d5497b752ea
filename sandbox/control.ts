import type { Sim } from "./core/context";
import type { Delays } from "./core/context";
import type { ClockMode } from "./core/clock";
import { FieldErrors, invalid, notFound, tcrError } from "./core/errors";
import type { FaultInput, FaultRule, Faults, RateLimiter } from "./core/faults";
import { json, noContent, readJson } from "./core/http";
import type { Router } from "./core/router";
import type { AccountSettings, Counters, DeliveryRecord, EventRecord, PartnerRecord, Task } from "./core/store";
import type { WebhookChaos } from "./core/webhooks";
import { addPartner, cancelIncomingMigration, receivePartnerShares, seedSharedCampaigns, type IncomingShareOptions, type SharedCampaignsOptions } from "./domain/incoming";
import { allPartners } from "./domain/partners";
import { markVerified } from "./routes/brandOtp";
import { provisionNumbers } from "./routes/campaignFiles";
import { loadScenario, makeBrand, SCENARIOS, type ScenarioOptions, type ScenarioSummary } from "./scenarios";

/**
 * The control API: programmatic (`sandbox.control`) and over HTTP under /_sandbox/ (no TCR auth,
 * loopback callers only). Everything a test needs to drive and observe the simulated registry.
 */
export interface OtpView {
  referenceId: string;
  brandId: string;
  mobilePhone: string;
  otpPin: string;
  requestDate: string;
  verifyDate: string | null;
  deliveryStatus: string | null;
  superseded: boolean;
}

export interface SandboxControl {
  reset(scenario?: string, options?: ScenarioOptions): Promise<ScenarioSummary | null>;
  loadScenario(name: string, options?: ScenarioOptions): Promise<ScenarioSummary>;
  advance(ms: number): Promise<{ now: string }>;
  flush(): Promise<void>;
  setClock(opts: { mode?: ClockMode; speed?: number }): { now: string; mode: ClockMode; speed: number };
  now(): string;
  tasks(): Task[];
  addFault(input: FaultInput): FaultRule;
  removeFault(id: string): boolean;
  clearFaults(): void;
  faults(): FaultRule[];
  otps(filter?: { brandId?: string }): OtpView[];
  replyOtp(referenceId: string, text: string): void;
  deliveries(filter?: { eventType?: string; status?: string; brandId?: string }): DeliveryRecord[];
  clearDeliveries(): void;
  events(filter?: { eventType?: string; brandId?: string }): EventRecord[];
  setWebhookChaos(c: Partial<WebhookChaos>): WebhookChaos;
  counters(): Counters;
  setDelays(d: Partial<Delays>): Delays;
  setAccount(a: Partial<Omit<AccountSettings, "cspId">>): AccountSettings;
  state(): Record<string, number | string>;
  provisionNumbers(campaignId: string, count: number): string[];
  /**
   * A downstream partner shares `count` campaigns with this CSP (CAMPAIGN_SHARE_ADD each); with `cnpMigration`
   * each share is the provisional hop of a migration that partner initiated to us (30-day expiry).
   */
  receivePartnerShares(count: number, options?: IncomingShareOptions): string[];
  /** The downstream initiator cancels its open migration to us (CNP_MIGRATION_CANCEL). */
  cancelIncomingMigration(campaignId: string, reason?: string): void;
  /** Another connectivity partner (CNP, or DCA with isDca) listed by /enum/cnp or /enum/dca and usable as a target. */
  addPartner(p: Partial<PartnerRecord> & { displayName: string }): PartnerRecord;
  partners(): PartnerRecord[];
  /** Our own ACTIVE campaigns (one new verified brand) whose share to `upstreamCnpId` is ACCEPTED. */
  seedSharedCampaigns(o: SharedCampaignsOptions): { brandId: string; campaignIds: string[] };
}

export function createControl(sim: Sim, faults: Faults, limiter: RateLimiter): SandboxControl {
  const { store, clock, webhooks } = sim;
  const control: SandboxControl = {
    async reset(scenario, options) {
      await clock.idle();
      // A real-time clock keeps moving forward; a manual one restarts at the configured start.
      store.reset(clock.mode === "real" ? clock.now() : undefined);
      clock.resync();
      faults.clear();
      limiter.reset();
      webhooks.setChaos({ duplicateProbability: 0, reorder: false });
      return scenario && scenario !== "empty" ? loadScenario(sim, scenario, options) : null;
    },
    async loadScenario(name, options) {
      if (!SCENARIOS[name]) throw invalid("scenario", `Unknown scenario ${name}`);
      const r = await control.reset(name, options);
      return r ?? loadScenario(sim, "empty");
    },
    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw invalid("ms", "ms must be a non-negative number");
      await clock.advance(ms);
      await clock.flush();
      return { now: clock.nowIso() };
    },
    flush: () => clock.flush(),
    setClock({ mode, speed }) {
      if (mode !== undefined && mode !== "manual" && mode !== "real") throw invalid("mode", "mode must be manual or real");
      if (speed !== undefined && !(speed > 0)) throw invalid("speed", "speed must be positive");
      clock.setMode(mode ?? clock.mode, speed);
      return { now: clock.nowIso(), mode: clock.mode, speed: clock.speed };
    },
    now: () => clock.nowIso(),
    tasks: () => clock.pending(),
    addFault(input) {
      try {
        return faults.add(input);
      } catch (err) {
        throw invalid("fault", err instanceof Error ? err.message : String(err));
      }
    },
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    otps(filter = {}) {
      return Object.values(store.data.otps)
        .filter((o) => !filter.brandId || o.brandId === filter.brandId)
        .map((o) => ({
          referenceId: o.referenceId, brandId: o.brandId, mobilePhone: o.mobilePhone, otpPin: o.pin, requestDate: o.requestDate,
          verifyDate: o.verifyDate, deliveryStatus: o.deliveryStatus, superseded: o.superseded,
        }));
    },
    replyOtp(referenceId, text) {
      const o = store.data.otps[referenceId];
      if (!o) throw notFound("OTP record", "referenceId");
      if (!o.pinSms.includes("@OTP_YES@")) throw tcrError(902, "This OTP does not use the @OTP_YES@ reply flow");
      if (o.superseded || o.verifyDate) throw tcrError(902, "OTP is no longer awaiting a reply");
      if (clock.now() - o.requestAt > sim.delays.otpPinTtlMs) throw tcrError(904, "OTP expired");
      if (text.trim().toUpperCase() === "YES") markVerified(sim, o);
    },
    deliveries(filter = {}) {
      return Object.values(store.data.deliveries)
        .filter((d) => (!filter.eventType || d.eventType === filter.eventType) && (!filter.status || d.status === filter.status))
        .filter((d) => !filter.brandId || d.body.includes(`"brandId":"${filter.brandId}"`))
        .sort((a, b) => a.createDate.localeCompare(b.createDate) || a.eventSeq - b.eventSeq);
    },
    clearDeliveries() {
      store.data.deliveries = {};
      store.data.events = [];
    },
    events(filter = {}) {
      return store.data.events.filter((e) => (!filter.eventType || e.eventType === filter.eventType) && (!filter.brandId || e.payload.brandId === filter.brandId));
    },
    setWebhookChaos: (c) => webhooks.setChaos(c),
    counters: () => ({ ...store.data.counters }),
    setDelays(d) {
      for (const [k, v] of Object.entries(d)) {
        if (!(k in sim.delays)) throw invalid(k, `Unknown delay ${k}`);
        if (typeof v !== "number" || v < 0) throw invalid(k, `${k} must be a non-negative number`);
        (sim.delays as unknown as Record<string, number>)[k] = v;
      }
      return { ...sim.delays };
    },
    setAccount(a) {
      const acc = store.data.account;
      for (const [k, v] of Object.entries(a)) {
        if (!(k in acc) || k === "cspId" || k === "pftBrandId") throw invalid(k, `Unknown account setting ${k}`);
        if (typeof v !== typeof (acc as unknown as Record<string, unknown>)[k]) throw invalid(k, `Wrong type for ${k}`);
        (acc as unknown as Record<string, unknown>)[k] = v;
      }
      // Enabling PFT is TCR support's job, which also creates the PFT brand.
      if (acc.platformFreeTrialEnabled && !acc.pftBrandId) {
        const b = makeBrand(sim, { entityType: "PRIVATE_PROFIT", displayName: `${acc.cspName} PFT`, identityStatus: "VERIFIED", mock: true }, clock.now());
        acc.pftBrandId = b.brandId;
      }
      store.markDirty();
      return { ...acc };
    },
    provisionNumbers(campaignId, count) {
      if (!Number.isInteger(count) || count < 1 || count > 10_000) throw invalid("count", "count must be 1..10000");
      const out = provisionNumbers(sim, campaignId, count);
      store.markDirty();
      return out;
    },
    receivePartnerShares: (count, options) => receivePartnerShares(sim, count, options),
    cancelIncomingMigration: (campaignId, reason) => cancelIncomingMigration(sim, campaignId, reason),
    addPartner: (p) => addPartner(sim, p),
    partners: () => allPartners(sim),
    seedSharedCampaigns: (o) => seedSharedCampaigns(sim, o),
    state() {
      const d = store.data;
      return {
        seed: d.seed, cspId: d.account.cspId, now: clock.nowIso(), clockMode: clock.mode, brands: Object.keys(d.brands).length,
        campaigns: Object.keys(d.campaigns).length, partnerCampaigns: Object.keys(d.partnerCampaigns).length,
        vettings: Object.keys(d.vettings).length, otps: Object.keys(d.otps).length, appeals: Object.keys(d.appeals).length,
        attachments: Object.keys(d.attachments).length, assets: Object.keys(d.assets).length, pendingTasks: d.tasks.length,
        events: d.events.length, deliveries: Object.keys(d.deliveries).length,
      };
    },
  };
  return control;
}

/** HTTP mapping of the control API (paths relative to /_sandbox). */
export function registerControlRoutes(r: Router, control: SandboxControl): void {
  const body = (ctx: Parameters<Parameters<Router["get"]>[1]>[0]) => readJson(ctx, false);
  const num = (v: unknown, name: string) => {
    if (typeof v !== "number") throw invalid(name, `${name} must be a number`);
    return v;
  };

  r.get("/", () => json({ state: control.state(), scenarios: Object.fromEntries(Object.entries(SCENARIOS).map(([k, v]) => [k, v.description])) }));
  r.get("/state", () => json(control.state()));
  r.post("/reset", async (ctx) => {
    const b = body(ctx);
    return json({ reset: true, scenario: await control.reset(typeof b.scenario === "string" ? b.scenario : undefined, b as ScenarioOptions) });
  });
  r.get("/scenarios", () => json(Object.fromEntries(Object.entries(SCENARIOS).map(([k, v]) => [k, v.description]))));
  r.post("/scenarios/:name", async (ctx) => json(await control.loadScenario(ctx.params.name!, body(ctx) as ScenarioOptions)));
  r.get("/clock", () => json({ now: control.now(), pendingTasks: control.tasks().length, nextTaskAt: control.tasks()[0] ? new Date(control.tasks()[0]!.at).toISOString() : null }));
  r.put("/clock", (ctx) => {
    const b = body(ctx);
    return json(control.setClock({ mode: b.mode as ClockMode | undefined, speed: b.speed === undefined ? undefined : num(b.speed, "speed") }));
  });
  r.post("/clock/advance", async (ctx) => json(await control.advance(num(body(ctx).ms, "ms"))));
  r.post("/flush", async () => {
    await control.flush();
    return noContent();
  });
  r.get("/tasks", () => json(control.tasks().map((t) => ({ ...t, at: new Date(t.at).toISOString() }))));
  r.get("/faults", () => json(control.faults()));
  r.post("/faults", (ctx) => json(control.addFault(body(ctx) as FaultInput), 201));
  r.delete("/faults", () => {
    control.clearFaults();
    return noContent();
  });
  r.delete("/faults/:id", (ctx) => {
    if (!control.removeFault(ctx.params.id!)) throw notFound("Fault", "id");
    return noContent();
  });
  r.get("/otp", (ctx) => json(control.otps({ brandId: ctx.query.get("brandId") ?? undefined })));
  r.post("/otp/:referenceId/reply", (ctx) => {
    const errs = new FieldErrors();
    const text = body(ctx).text;
    if (typeof text !== "string") errs.add("text", "text is required");
    errs.throwIfAny();
    control.replyOtp(ctx.params.referenceId!, text as string);
    return noContent();
  });
  r.get("/webhooks", (ctx) =>
    json(control.deliveries({ eventType: ctx.query.get("eventType") ?? undefined, status: ctx.query.get("status") ?? undefined, brandId: ctx.query.get("brandId") ?? undefined })),
  );
  r.delete("/webhooks", () => {
    control.clearDeliveries();
    return noContent();
  });
  r.put("/webhooks/chaos", (ctx) => json(control.setWebhookChaos(body(ctx) as Partial<WebhookChaos>)));
  r.get("/events", (ctx) => json(control.events({ eventType: ctx.query.get("eventType") ?? undefined, brandId: ctx.query.get("brandId") ?? undefined })));
  r.get("/counters", () => json(control.counters()));
  r.post("/partnerCampaigns", (ctx) => {
    const b = body(ctx);
    const str = (k: string) => (b[k] === undefined ? undefined : typeof b[k] === "string" ? (b[k] as string) : (() => { throw invalid(k, `${k} must be a string`); })());
    return json({
      campaignIds: control.receivePartnerShares(num(b.count ?? 1, "count"), {
        downstreamCnpId: str("downstreamCnpId"), usecase: str("usecase"), cnpMigration: b.cnpMigration === true,
        previouslyAcceptedUpstreamCnpId: str("previouslyAcceptedUpstreamCnpId"),
      }),
    });
  });
  r.delete("/partnerCampaigns/:campaignId/migration", (ctx) => {
    const reason = ctx.query.get("reason") ?? undefined;
    control.cancelIncomingMigration(ctx.params.campaignId!, reason);
    return noContent();
  });
  r.get("/partners", () => json(control.partners()));
  r.post("/partners", (ctx) => json(control.addPartner(body(ctx) as Partial<PartnerRecord> & { displayName: string }), 201));
  r.post("/campaigns", (ctx) => {
    const b = body(ctx);
    return json(control.seedSharedCampaigns({
      count: num(b.count, "count"), upstreamCnpId: typeof b.upstreamCnpId === "string" ? b.upstreamCnpId : undefined,
      brandName: typeof b.brandName === "string" ? b.brandName : undefined,
    }), 201);
  });
  r.post("/campaigns/:campaignId/phoneNumbers", (ctx) => json({ phoneNumbers: control.provisionNumbers(ctx.params.campaignId!, num(body(ctx).count, "count")) }));
  r.put("/delays", (ctx) => json(control.setDelays(body(ctx) as Partial<Delays>)));
  r.put("/account", (ctx) => json(control.setAccount(body(ctx) as Partial<AccountSettings>)));
}
