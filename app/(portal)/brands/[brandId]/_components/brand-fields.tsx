import { groupBrandFields } from "@/lib/brands/fields";
import { brandStatusLabel, entityTypeLabel } from "@/lib/brands/labels";
import { formatDateTime } from "@/lib/format";
import { EnumValue, IdentityStatus } from "../../_components/brand-labels";
import { Section } from "./section";

const DATE_KEYS = new Set(["createDate", "mobilePhoneVerifiedDate", "businessContactEmailVerifiedDate"]);

function FieldValue({ k, value }: { k: string; value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="text-muted-foreground">—</span>;
  if (k === "entityType" && typeof value === "string") return <EnumValue value={value} label={entityTypeLabel(value)} />;
  if (k === "status" && typeof value === "string") return <EnumValue value={value} label={brandStatusLabel(value)} />;
  if (k === "identityStatus" && typeof value === "string") return <IdentityStatus value={value} />;
  if (DATE_KEYS.has(k) && typeof value === "string") return <span>{formatDateTime(value)}</span>;
  if (typeof value === "boolean") return <span>{value ? "Yes" : "No"}</span>;
  if (typeof value === "string" || typeof value === "number") return <span className="break-words">{String(value)}</span>;
  if (typeof value === "object" && Object.keys(value).length === 0) return <span className="text-muted-foreground">None</span>;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return <span>{value.join(", ")}</span>;
  return <pre className="overflow-x-auto rounded bg-muted p-2 font-mono text-xs whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>;
}

/** Every field the registry holds for the brand, grouped, with the registry's names beside the labels. */
export function BrandFields({ data }: { data: unknown }) {
  return (
    <>
      {groupBrandFields(data as never).map((g) => (
        <Section key={g.id} id={`group-${g.id}`} title={g.title}>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {g.fields.map((f) => (
              <div key={f.key} className="grid min-w-0 gap-0.5">
                <dt className="text-xs font-medium text-muted-foreground">
                  {f.label} <code className="font-mono font-normal">{f.key}</code>
                </dt>
                <dd className="text-sm"><FieldValue k={f.key} value={f.value} /></dd>
              </div>
            ))}
          </dl>
        </Section>
      ))}
    </>
  );
}
