import type { Sim } from "../core/context";
import { badState, FieldErrors, notFound } from "../core/errors";
import { BodyReader, json, noContent, paginate, readJson } from "../core/http";
import type { Router } from "../core/router";
import type { ResellerRecord } from "../core/store";

/** Resellers (tcr-api-part2 §12): search (partial companyName), create, get, full-replace update, delete unless used by a campaign. */
const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NO_RESELLER = "R000000";

export function registerResellerRoutes(r: Router, sim: Sim): void {
  const { store } = sim;
  const get = (id: string) => {
    const x = store.data.resellers[id];
    if (!x) throw notFound("Reseller", "resellerId");
    return x;
  };
  const readBody = (raw: Record<string, unknown>) => {
    const errs = new FieldErrors();
    const b = new BodyReader(raw, errs);
    const companyName = b.str("companyName", { required: true, max: 100 });
    const phone = b.str("phone", { required: true, max: 20 });
    const email = b.str("email", { required: true, max: 100 });
    if (phone && !E164.test(phone)) errs.add("phone", "phone must be in E.164 format");
    if (email && !EMAIL.test(email)) errs.add("email", "email is not a valid email address");
    errs.throwIfAny();
    return { companyName: companyName!, phone: phone!, email: email! };
  };

  r.get("/reseller", (ctx) => {
    const name = ctx.query.get("companyName")?.toLowerCase();
    const rows = Object.values(store.data.resellers)
      .filter((x) => !name || x.companyName.toLowerCase().includes(name))
      .sort((a, b) => a.resellerId.localeCompare(b.resellerId));
    return json(paginate(ctx.query, rows, 500));
  });

  r.post("/reseller", (ctx) => {
    const fields = readBody(readJson(ctx));
    const rec: ResellerRecord = {
      resellerId: store.newId("R", (id) => id === NO_RESELLER || id in store.data.resellers),
      cspId: store.data.account.cspId,
      ...fields,
    };
    store.data.resellers[rec.resellerId] = rec;
    return json(rec);
  });

  r.get("/reseller/:resellerId", (ctx) => json(get(ctx.params.resellerId!)));

  r.put("/reseller/:resellerId", (ctx) => {
    const rec = get(ctx.params.resellerId!);
    Object.assign(rec, readBody(readJson(ctx)));
    return json(rec);
  });

  r.delete("/reseller/:resellerId", (ctx) => {
    const rec = get(ctx.params.resellerId!);
    if (Object.values(store.data.campaigns).some((c) => c.resellerId === rec.resellerId)) {
      throw badState("A reseller used by one or more campaigns cannot be deleted");
    }
    delete store.data.resellers[rec.resellerId];
    return noContent();
  });
}
