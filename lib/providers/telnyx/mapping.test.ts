import { describe, expect, it } from "vitest";
import { tcrErrorToFieldErrors, TcrError } from "@/lib/tcr/errors";
import { fieldOfLoc, parseTelnyxErrorBody } from "./errors";
import { matchesSent, toTelnyxCreate, toTelnyxListQuery, toTelnyxUpdate, unsupportedUpdate } from "./mapping";
import type { BrandCreateRequest, BrandUpdateRequest } from "@/lib/tcr/schemas/brand";
import type { TelnyxBrand } from "./schemas";

describe("Telnyx error bodies", () => {
  it("reads FastAPI's 422 detail array into field items", () => {
    const items = parseTelnyxErrorBody({ detail: [{ loc: ["body", "email"], msg: "field required", type: "value_error.missing" }, { loc: ["query", "page"], msg: "not an integer", type: "type_error.integer" }, { loc: ["body"], msg: "Malformed JSON", type: "value_error.jsondecode" }] });
    expect(items).toEqual([
      { code: null, field: "email", description: "field required" },
      { code: null, field: "page", description: "not an integer" },
      { code: null, field: null, description: "Malformed JSON" },
    ]);
    const e = new TcrError(422, items, { operationId: "telnyx.brand.create", method: "POST", path: "/brand" });
    expect(tcrErrorToFieldErrors(e)).toEqual({ email: "field required", page: "not an integer", _form: "Malformed JSON" });
  });

  it("reads FastAPI's detail string, Telnyx's platform envelope (with a JSON pointer), and plain text", () => {
    expect(parseTelnyxErrorBody({ detail: "Request Failed" })).toEqual([{ code: null, field: null, description: "Request Failed" }]);
    expect(parseTelnyxErrorBody({ errors: [{ code: "10009", title: "Authentication failed", detail: "bad key" }] })).toEqual([{ code: 10009, field: null, description: "Authentication failed: bad key" }]);
    expect(parseTelnyxErrorBody({ errors: [{ code: "10004", title: "Missing required parameter", source: { pointer: "/displayName" } }] })[0]!.field).toBe("displayName");
    expect(parseTelnyxErrorBody(undefined, "Bad Gateway")).toEqual([{ code: null, field: null, description: "Bad Gateway" }]);
    expect(fieldOfLoc(["body", "category", 0, "id"])).toBe("category.0.id");
  });
});

describe("TCR ⇄ Telnyx mapping", () => {
  const current = {
    brandId: "t-1", tcrBrandId: "BABC123", entityType: "PRIVATE_PROFIT", displayName: "ABC", companyName: "ABC Inc.", ein: "111111111",
    phone: "+12024567890", street: "1 Main St", city: "NYC", state: "NY", postalCode: "10001", country: "US", email: "a@abc.com",
    website: "www.abc.com", vertical: "RETAIL", brandRelationship: "BASIC_ACCOUNT", identityStatus: "VERIFIED", stockSymbol: null,
  } as TelnyxBrand;

  it("sends only Telnyx's fields on create", () => {
    const body = toTelnyxCreate({
      entityType: "PRIVATE_PROFIT", displayName: "ABC", companyName: "ABC Inc.", ein: "111111111", einIssuingCountry: "US", phone: "+12024567890",
      street: "1 Main St", city: "NYC", state: "NY", postalCode: "10001", country: "US", email: "a@abc.com", brandRelationship: "BASIC_ACCOUNT",
      vertical: "RETAIL", referenceId: "ref-1", tag: ["vip"], businessContactEmail: "jo@abc.com",
    } as BrandCreateRequest);
    expect(Object.keys(body).sort()).toEqual(["city", "companyName", "country", "displayName", "ein", "email", "entityType", "phone", "postalCode", "state", "street", "vertical"]);
  });

  it("overlays an update on the current brand (a full replacement), clearing what is sent empty", () => {
    const body = toTelnyxUpdate(current, { entityType: "PRIVATE_PROFIT", displayName: "ABC 2", country: "US", email: "b@abc.com", brandRelationship: "BASIC_ACCOUNT", website: "" } as BrandUpdateRequest);
    expect(body).toMatchObject({ displayName: "ABC 2", email: "b@abc.com", street: "1 Main St", ein: "111111111", vertical: "RETAIL" });
    expect(body).not.toHaveProperty("website");
    expect(body).not.toHaveProperty("stockSymbol");
    expect(body).not.toHaveProperty("brandRelationship");
    expect(unsupportedUpdate(current, { brandRelationship: "KEY_ACCOUNT" } as BrandUpdateRequest)[0]!.field).toBe("brandRelationship");
    expect(unsupportedUpdate(current, { brandRelationship: "BASIC_ACCOUNT" } as BrandUpdateRequest)).toEqual([]);
  });

  it("passes Telnyx's list filters and names the others", () => {
    expect(toTelnyxListQuery({ displayName: "a", state: "NY", page: 2, recordsPerPage: 5, status: "ACTIVE" })).toEqual({ query: { displayName: "a", state: "NY", page: 2, recordsPerPage: 5 }, unsupported: [] });
    expect(toTelnyxListQuery({ ein: "1", tag: ["x"], status: "DELETED" }).unsupported.map((i) => i.field)).toEqual(["ein", "tag", "status"]);
  });

  it("recognises a brand by every value sent (EIN punctuation and case aside)", () => {
    const sent = { entityType: "PRIVATE_PROFIT", displayName: "ABC", companyName: "abc inc.", ein: "11-1111111", email: "A@abc.com", ipAddress: "10.0.0.1" };
    expect(matchesSent(sent, current)).toBe(true);
    expect(matchesSent({ ...sent, ein: "222222222" }, current)).toBe(false);
    expect(matchesSent({ ...sent, website: "www.other.com" }, current)).toBe(false);
  });
});
