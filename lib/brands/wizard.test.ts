import { describe, expect, it } from "vitest";
import { changedFields, EDITABLE_FIELDS, feedbackByField, toUpdateBody, updateWarnings } from "@/lib/brands/update-rules";
import {
  businessContactEmailProblem, emptyWizardValues, fieldsForStep, firstStepWithError, STEP_FIELDS, toCreateInput, validateWizard,
  WIZARD_FIELDS, wizardValuesFrom, type WizardValues,
} from "@/lib/brands/wizard";
import { wizardValuesFor } from "@/lib/brands/wizard-fixtures";
import { brandFieldRules, brandFieldShapes, type BrandField } from "@/lib/tcr/schemas/brand";
import { ENTITY_TYPES } from "@/lib/tcr/schemas/enums";

const v = (over: Partial<WizardValues>): WizardValues => ({ ...emptyWizardValues(), ...over });

describe("wizard steps", () => {
  it("asks every create field exactly once, ipAddress included", () => {
    const all = Object.keys(brandFieldShapes).sort();
    expect(all).toContain("ipAddress");
    expect([...WIZARD_FIELDS].sort()).toEqual(all);
    expect(new Set(WIZARD_FIELDS).size).toBe(WIZARD_FIELDS.length);
  });

  it.each(ENTITY_TYPES)("shows %s exactly its required and optional fields, never the N/A ones", (et) => {
    for (const step of Object.keys(STEP_FIELDS) as (keyof typeof STEP_FIELDS)[]) {
      const shown = fieldsForStep(et, step);
      for (const { field, rule } of shown) expect(rule).toBe(brandFieldRules[et][field]);
      const hidden = STEP_FIELDS[step].filter((f) => !shown.some((s) => s.field === f));
      for (const f of hidden) expect(brandFieldRules[et][f]).toBe("forbidden");
    }
  });

  it("asks a SOLE_PROPRIETOR for names, mobile phone and referenceId but no company, tax id or relationship", () => {
    const fields = (Object.keys(STEP_FIELDS) as (keyof typeof STEP_FIELDS)[]).flatMap((s) => fieldsForStep("SOLE_PROPRIETOR", s));
    const required = fields.filter((f) => f.rule === "required").map((f) => f.field);
    expect(required).toEqual(expect.arrayContaining(["firstName", "lastName", "mobilePhone", "referenceId"]));
    expect(fields.map((f) => f.field)).not.toEqual(expect.arrayContaining(["companyName"]));
    for (const f of ["companyName", "ein", "einIssuingCountry", "brandRelationship", "businessContactEmail", "stockSymbol"] as BrandField[]) {
      expect(fields.some((x) => x.field === f)).toBe(false);
    }
  });
});

describe("ipAddress", () => {
  it.each(ENTITY_TYPES)("is asked, optional, in the classification step for %s", (et) => {
    expect(fieldsForStep(et, "classification")).toContainEqual({ field: "ipAddress", rule: "optional" });
    expect(validateWizard(wizardValuesFor(et, { ipAddress: "" }))).toEqual({});
  });

  it("accepts IPv4 and IPv6 addresses, trimmed, and refuses anything else at the field", () => {
    for (const ip of ["203.0.113.7", " 198.51.100.255 ", "2001:db8::1", "::1", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::ffff:192.0.2.128"]) {
      expect(validateWizard(wizardValuesFor("PRIVATE_PROFIT", { ipAddress: ip })), ip).toEqual({});
    }
    expect(toCreateInput(wizardValuesFor("PRIVATE_PROFIT", { ipAddress: " 203.0.113.7 " }))?.ipAddress).toBe("203.0.113.7");
    expect(toCreateInput(wizardValuesFor("PRIVATE_PROFIT"))).not.toHaveProperty("ipAddress");
    for (const ip of ["256.1.1.1", "203.0.113", "203.0.113.7:8080", "2001:db8::1/64", "[2001:db8::1]", "localhost", "1.2.3.4.5", "2001:db8:::1"]) {
      expect(validateWizard(wizardValuesFor("PRIVATE_PROFIT", { ipAddress: ip })).ipAddress, ip).toMatch(/IPv4 address .* or an IPv6 address/);
    }
    expect(firstStepWithError({ ipAddress: "x" })).toBe("classification");
  });

  it("is not offered when editing: it describes the registration request", () => {
    expect(EDITABLE_FIELDS).not.toContain("ipAddress");
    const before = wizardValuesFor("PRIVATE_PROFIT", { ipAddress: "203.0.113.7" });
    expect(changedFields(before, { ...before, ipAddress: "198.51.100.1" })).toEqual([]);
  });
});

describe("toCreateInput", () => {
  it("keeps only the fields the entity type allows, trimmed and normalised", () => {
    const body = toCreateInput(v({
      entityType: "SOLE_PROPRIETOR", displayName: "  Jo's Tutoring ", companyName: "Left over from PRIVATE_PROFIT", ein: "123456789",
      phone: "+1 (202) 456-7890", country: "us", state: "ny", tag: "math, tutoring  kids", mock: true, website: "",
    }));
    expect(body).toEqual({
      entityType: "SOLE_PROPRIETOR", displayName: "Jo's Tutoring", phone: "+12024567890", country: "US", state: "NY",
      tag: ["math", "tutoring", "kids"], mock: true,
    });
    expect(toCreateInput(v({ entityType: "PRIVATE_PROFIT", ein: "12-3456789" }))?.ein).toBe("123456789");
    expect(toCreateInput(v({}))).toBeNull();
  });

  it("reads stored drafts of any shape without throwing", () => {
    expect(wizardValuesFrom(null)).toEqual(emptyWizardValues());
    expect(wizardValuesFrom({ entityType: "NOPE", displayName: 5, city: "Austin" })).toMatchObject({ entityType: "", displayName: "", city: "Austin" });
  });
});

describe("validateWizard", () => {
  it.each(ENTITY_TYPES)("accepts a complete %s brand", (et) => {
    expect(validateWizard(wizardValuesFor(et))).toEqual({});
  });

  it("says which required fields are missing for the entity type", () => {
    const errs = validateWizard(v({ entityType: "PUBLIC_PROFIT" }));
    for (const f of ["displayName", "companyName", "ein", "phone", "email", "stockSymbol", "stockExchange", "website", "businessContactEmail", "vertical", "brandRelationship"]) {
      expect(errs[f], f).toMatch(/is required for a publicly traded company/);
    }
    expect(errs.einIssuingCountry).toBeUndefined();
    expect(validateWizard(v({}))).toEqual({ entityType: "Choose the entity type" });
  });

  it("checks US formats, E.164 phones and country codes on the fields themselves", () => {
    const errs = validateWizard(wizardValuesFor("PRIVATE_PROFIT", { state: "New York", postalCode: "1000", ein: "12345", phone: "202-456", country: "USA" }));
    expect(errs.country).toMatch(/2-letter/);
    const us = validateWizard(wizardValuesFor("PRIVATE_PROFIT", { state: "XX", postalCode: "1000", ein: "12345", phone: "2024567890" }));
    expect(us).toMatchObject({ state: "Not a US state or territory code", postalCode: "Use a 5-digit ZIP code for US brands", ein: "A US EIN is 9 digits" });
    expect(us.phone).toMatch(/E\.164/);
    // A foreign tax id is not held to the US 9-digit rule.
    expect(validateWizard(wizardValuesFor("PRIVATE_PROFIT", { ein: "GB123456789AB", einIssuingCountry: "gb" })).ein).toBeUndefined();
  });

  it("sends foreign governments to PRIVATE_PROFIT", () => {
    const errs = validateWizard(wizardValuesFor("GOVERNMENT", { country: "CA", state: "ON", postalCode: "K1A0A9" }));
    expect(errs.entityType).toMatch(/foreign government entities register as PRIVATE_PROFIT/);
  });

  it("applies the reference's business contact rules: no distribution lists, no free mail", () => {
    expect(businessContactEmailProblem("sales@acme.com")).toMatch(/distribution lists/);
    expect(businessContactEmailProblem("Jane.Doe@GMAIL.com")).toMatch(/free-mail/);
    expect(businessContactEmailProblem("jane.doe@acme.com")).toBeNull();
    expect(validateWizard(wizardValuesFor("PUBLIC_PROFIT", { businessContactEmail: "info@abc-example.com" })).businessContactEmail).toMatch(/distribution lists/);
    expect(validateWizard(wizardValuesFor("PUBLIC_PROFIT", { website: "not a website" })).website).toMatch(/web address/);
  });

  it("finds the first step that has an error", () => {
    expect(firstStepWithError({ vertical: "x", postalCode: "y" })).toBe("contact");
    expect(firstStepWithError({ entityType: "x", ein: "y" })).toBe("entity");
    expect(firstStepWithError({})).toBeNull();
  });
});

describe("edit rules", () => {
  const before = wizardValuesFor("PUBLIC_PROFIT", { einIssuingCountry: "" });

  it("lists changed fields, treating an empty issuing country as US and formatting as no change", () => {
    expect(changedFields(before, { ...before, einIssuingCountry: "us", phone: before.phone.replace(/ /g, "") })).toEqual([]);
    expect(changedFields(before, { ...before, entityType: "PRIVATE_PROFIT", city: "Boston" })).toEqual(["entityType", "city"]);
  });

  it("warns per the update table which changes force re-verification", () => {
    const w = updateWarnings(["ein", "displayName", "brandRelationship", "businessContactEmail", "mobilePhone"], "PUBLIC_PROFIT");
    expect(w.map((x) => [x.field, x.effect])).toEqual([
      ["ein", "identityReset"], ["brandRelationship", "quarterlyLimit"], ["businessContactEmail", "revokesAuthPlus"], ["mobilePhone", "identityReset"],
    ]);
    expect(updateWarnings(["businessContactEmail"], "PRIVATE_PROFIT")).toEqual([]);
  });

  it("sends the update schema's required fields plus the changed ones", () => {
    const after = { ...before, city: " Boston " };
    expect(toUpdateBody(before, after, ["city"])).toEqual({
      entityType: "PUBLIC_PROFIT", displayName: before.displayName, country: "US", email: before.email, brandRelationship: "BASIC_ACCOUNT", city: "Boston",
    });
    const sp = wizardValuesFor("SOLE_PROPRIETOR");
    expect(toUpdateBody(sp, { ...sp, lastName: "Roe" }, ["lastName"])).toMatchObject({ brandRelationship: "BASIC_ACCOUNT", lastName: "Roe" });
  });

  it("puts each feedback category at the fields it concerns", () => {
    const by = feedbackByField([{ id: "TAX_ID" }, { id: "WEB_DOMAIN" }, { id: "SOMETHING_NEW" }]);
    expect(Object.keys(by).sort()).toEqual(["companyName", "ein", "email", "entityType", "website"]);
    expect(feedbackByField([{ id: "STOCK_SYMBOL" }]).stockExchange?.[0]?.id).toBe("STOCK_SYMBOL");
  });
});
