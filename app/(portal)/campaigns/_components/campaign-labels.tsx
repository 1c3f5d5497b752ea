import { Badge } from "@/components/ui/badge";
import { mnoName, sortMnoIds } from "@/lib/campaigns/carriers";
import {
  CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_TONES, OPERATION_STATUS_LABELS, OPERATION_STATUS_TONES, SHARING_STATUS_LABELS, SHARING_STATUS_TONES,
  label, tone,
} from "@/lib/campaigns/labels";

export function CampaignStatus({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge tone={tone(CAMPAIGN_STATUS_TONES, value)} className="font-mono" title={label(CAMPAIGN_STATUS_LABELS, value) ?? undefined}>
      {value}
    </Badge>
  );
}

export function OperationStatus({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge tone={tone(OPERATION_STATUS_TONES, value)} title={label(OPERATION_STATUS_LABELS, value) ?? undefined}>
      {value}
    </Badge>
  );
}

export function SharingStatus({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-muted-foreground">Not shared</span>;
  return <Badge tone={tone(SHARING_STATUS_TONES, value)} title={label(SHARING_STATUS_LABELS, value) ?? undefined}>{value}</Badge>;
}

/** One line per carrier: short name and its operation status. */
export function CarrierStatuses({ operations }: { operations: Record<string, string> }) {
  const ids = sortMnoIds(Object.keys(operations));
  if (ids.length === 0) return <span className="text-muted-foreground">No carrier status yet</span>;
  return (
    <ul className="grid gap-1" aria-label="Carrier status">
      {ids.map((id) => (
        <li key={id} className="flex items-center justify-between gap-2 text-xs">
          <span className="text-muted-foreground">{mnoName(id, true)}</span>
          <OperationStatus value={operations[id]} />
        </li>
      ))}
    </ul>
  );
}
