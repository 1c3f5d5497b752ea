/**
 * Shared set-up of the client ↔ sandbox agreement tests: one in-process sandbox (port 0, manual clock,
 * no rate limits) and one lib/tcr client pointed at it. Not a test file itself.
 */
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createTcrClient, InMemoryIntentStore, InMemoryRateLimiter, type TcrClient, type TcrClientConfig } from "@/lib/tcr";
import { TcrError } from "@/lib/tcr";
import { expect } from "vitest";

export const KEY = "it-key";
export const SECRET = "it-secret";
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export interface Harness {
  sb: Sandbox;
  tcr: TcrClient;
  intents: InMemoryIntentStore;
}

export async function startHarness(seed: string, config: Partial<TcrClientConfig> = {}): Promise<Harness> {
  const sb = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, seed, clock: "manual", rateLimits: false });
  const intents = new InMemoryIntentStore();
  const tcr = createTcrClient({
    baseUrl: sb.apiUrl,
    auth: { mode: "basic", apiKey: KEY, apiSecret: SECRET },
    timeoutMs: 2_000,
    // Generous budgets: the limiter is exercised on every call without slowing the suite.
    limiter: new InMemoryRateLimiter({ budgets: { read: { points: 1000, durationMs: 1000 }, write: { points: 1000, durationMs: 1000 } } }),
    intentStore: intents,
    reconcileDelayMs: 0,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...config,
  });
  return { sb, tcr, intents };
}

/** Valid brand create inputs per entity type (same data the sandbox's own tests use). */
export function brandInput(entityType: string, over: Record<string, unknown> = {}) {
  const common = {
    entityType, displayName: "ABC Mobile", phone: "+12024567890", street: "123 6th Ave", city: "New York",
    state: "NY", postalCode: "10001", country: "US", email: "johndoe@abc.com",
  };
  const byType: Record<string, Record<string, unknown>> = {
    SOLE_PROPRIETOR: { firstName: "John", lastName: "Doe", mobilePhone: "+12025550123" },
    PRIVATE_PROFIT: { companyName: "ABC Inc.", ein: "111111111", brandRelationship: "BASIC_ACCOUNT", vertical: "RETAIL" },
    PUBLIC_PROFIT: {
      companyName: "ABC Inc.", ein: "111111175", brandRelationship: "BASIC_ACCOUNT", vertical: "RETAIL", stockSymbol: "ABC",
      stockExchange: "NASDAQ", website: "https://www.abc.com", businessContactEmail: "john.doe@abc.com",
    },
    NON_PROFIT: { companyName: "Helping Hands", ein: "222222222", brandRelationship: "BASIC_ACCOUNT", vertical: "NGO" },
  };
  // The client's input type is the zod input of BrandCreateRequest; test data is built loosely on purpose.
  return { ...common, ...byType[entityType], ...over } as never;
}

export function campaignInput(brandId: string, over: Record<string, unknown> = {}) {
  return {
    brandId, usecase: "2FA", subUsecases: [], resellerId: "R000000",
    description: "One-time passcodes sent to customers who sign in to the ABC Mobile web portal.",
    messageFlow: "Customers enter their number on the sign-in page and tick an unchecked consent box before codes are sent.",
    subscriberOptin: true, subscriberOptout: true, subscriberHelp: true,
    sample1: "Your ABC Mobile code is 123456. Reply STOP to opt out.",
    helpMessage: "ABC Mobile: help at support@abc.com. Reply STOP to opt out.",
    optinMessage: "ABC Mobile: you will receive sign-in codes. Reply STOP to opt out.",
    optoutMessage: "ABC Mobile: you are unsubscribed and will receive no more messages.",
    optinKeywords: "START,YES", optoutKeywords: "STOP", helpKeywords: "HELP",
    ...over,
  } as never;
}

let seq = 0;
/** A fresh idempotency key (one per intent). */
export const key = (label: string) => `${label}-${++seq}`;

/** Registers a brand through the client and lets identity scoring finish. */
export async function verifiedBrand(h: Harness, type = "PRIVATE_PROFIT", over: Record<string, unknown> = {}) {
  const b = await h.tcr.brands.create(brandInput(type, over), { idempotencyKey: key("brand") });
  await h.sb.control.advance(2 * MIN);
  return b;
}

/** Awaits a rejection and checks it is a TcrError carrying the registry code (and HTTP status). */
export async function expectTcrError(p: Promise<unknown>, code: number, status?: number): Promise<TcrError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TcrError);
  const e = err as TcrError;
  expect(e.items.map((i) => i.code)).toContain(code);
  if (status !== undefined) expect(e.status).toBe(status);
  return e;
}

export function file(fileName: string, content: string | Uint8Array, mimeType: string) {
  return { data: typeof content === "string" ? new TextEncoder().encode(content) : content, fileName, mimeType };
}

/** A verified brand and a 2FA campaign created through the client (one billable create each). */
export async function createdCampaign(h: Harness, over: Record<string, unknown> = {}, brandOver: Record<string, unknown> = {}) {
  const b = await verifiedBrand(h, "PRIVATE_PROFIT", brandOver);
  const c = await h.tcr.campaignBuilder.create(campaignInput(b.brandId, over), { idempotencyKey: key("camp") });
  return { brandId: b.brandId, campaignId: c.campaignId, mnoMetadata: c.mnoMetadata };
}
