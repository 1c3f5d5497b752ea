import type { loadBrandAppeals } from "@/lib/brands/queries";
import { formatDateTime } from "@/lib/format";
import { AppealStatusBadge, appealOutcome } from "./appeal-status";
import { IdentityAppealForm } from "./identity-appeal";
import { ReadOnlyNote, RegistryErrors, Section } from "./section";

type Data = Awaited<ReturnType<typeof loadBrandAppeals>>;

export function AppealsTab({ brandId, entityType, data, canAct, upstream }: { brandId: string; entityType: string | null; data: Data; canAct: boolean; upstream?: string }) {
  const sp = entityType === "SOLE_PROPRIETOR";
  const pending = data.appeals.some((a) => a.appealStatus === "PENDING");
  return (
    <div className="space-y-6">
      <RegistryErrors errors={data.errors} />
      <Section id="appeals-list" title="Identity appeals" description="Appeals of the identity check, newest first. The registry decides each one (PENDING → COMPLETE).">
        {data.appeals.length === 0 ? (
          <p className="text-sm text-muted-foreground">No identity appeal yet.</p>
        ) : (
          <ul className="space-y-2" aria-label="Identity appeals">
            {data.appeals.map((a) => {
              const d = a.data as { explanation?: string | null; attachmentUuids?: string[] };
              const outcome = appealOutcome(a.data);
              return (
                <li key={a.id} className="rounded-md border p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <AppealStatusBadge status={a.appealStatus} />
                    <span className="font-medium">{a.categories.join(", ")}</span>
                    <span className="text-muted-foreground">filed {formatDateTime(a.appealedAt)}</span>
                    <span className="text-muted-foreground">· {d.attachmentUuids?.length ?? 0} evidence file{d.attachmentUuids?.length === 1 ? "" : "s"}</span>
                  </div>
                  {d.explanation ? <p className="mt-1 text-muted-foreground">{d.explanation}</p> : null}
                  {outcome ? <p className="mt-1">Outcome: {outcome}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      {sp ? (
        <p className="text-sm text-muted-foreground">A sole proprietor&apos;s identity is confirmed by the SMS passcode (Overview tab); there is nothing to appeal.</p>
      ) : canAct ? (
        <Section
          id="appeal-new"
          title="Appeal the identity result"
          description="For a failed check when the details are right, or to obtain an attribute the check did not find (tax-exempt status, government entity). Corrected details need a revet instead."
        >
          {pending ? (
            <p className="text-sm text-muted-foreground">An identity appeal is pending; the registry takes one at a time.</p>
          ) : (
            <IdentityAppealForm brandId={brandId} categories={data.appealCategories} library={data.library} upstream={upstream} />
          )}
        </Section>
      ) : (
        <ReadOnlyNote />
      )}
    </div>
  );
}
