import { Badge } from "@/components/ui/badge";
import { entityTypeLabel, identityStatusLabel, identityStatusTone } from "@/lib/brands/labels";

/** The registry's value in code type with its plain-English meaning beside it. */
export function EnumValue({ value, label }: { value: string | null | undefined; label: string | null }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
      {label ? <span>{label}</span> : null}
      <code className="font-mono text-xs text-muted-foreground">{value}</code>
    </span>
  );
}

export function EntityType({ value }: { value: string | null | undefined }) {
  return <EnumValue value={value} label={entityTypeLabel(value)} />;
}

/** Identity status as a toned badge (the registry's value) with its meaning beside it. */
export function IdentityStatus({ value }: { value: string | null | undefined }) {
  if (!value) return <Badge tone="neutral">Not yet checked</Badge>;
  const label = identityStatusLabel(value);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-1">
      <Badge tone={identityStatusTone(value)} className="font-mono">{value}</Badge>
      {label ? <span className="text-xs text-muted-foreground">{label}</span> : null}
    </span>
  );
}
