// Test fixtures: wizard form values per entity type, typed the way a user would (spaces in phones, lowercase codes).
import { emptyWizardValues, type WizardValues } from "@/lib/brands/wizard";
import type { EntityType } from "@/lib/tcr/schemas/enums";

let n = 0;

/** Form values as a user types them per entity type (with the formatting the form tolerates). */
export function wizardValuesFor(entityType: EntityType, over: Partial<WizardValues> = {}): WizardValues {
  const name = `Wizard ${entityType} ${Date.now().toString(36)}${n++}`;
  const common = { displayName: name, email: "support@abc-example.com", phone: "+1 202 456 7890", street: "123 6th Ave", city: "New York", state: "ny", postalCode: "10001", country: "us" };
  const byType: Record<EntityType, Partial<WizardValues>> = {
    SOLE_PROPRIETOR: { firstName: "John", lastName: "Doe", mobilePhone: "+12025550123", referenceId: `sp${Date.now().toString(36)}${n}` },
    PRIVATE_PROFIT: { companyName: `${name} Inc.`, ein: "11-1111111", brandRelationship: "BASIC_ACCOUNT", vertical: "RETAIL" },
    PUBLIC_PROFIT: {
      companyName: `${name} Corp.`, ein: "111111175", brandRelationship: "BASIC_ACCOUNT", vertical: "RETAIL", stockSymbol: "abc",
      stockExchange: "NASDAQ", website: "https://www.abc-example.com", businessContactEmail: "jane.doe@abc-example.com",
    },
    NON_PROFIT: { companyName: `${name} Foundation`, ein: "222222222", brandRelationship: "BASIC_ACCOUNT", vertical: "NGO" },
    GOVERNMENT: { companyName: `City of ${name}`, ein: "333333333", brandRelationship: "BASIC_ACCOUNT", vertical: "GOVERNMENT" },
  };
  return { ...emptyWizardValues(), entityType, ...common, ...byType[entityType], ...over };
}

