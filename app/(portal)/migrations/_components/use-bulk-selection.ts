"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { dryRunAction, startBulkJobAction } from "@/lib/migrations/actions";
import type { DryRun } from "@/lib/migrations/commands";
import type { BulkParams, Selection } from "@/lib/migrations/schemas";

/**
 * The selection and the dry-run → execute flow both bulk tables share: chosen rows, the page, or every row
 * matching the list's filter (resolved on the server). Any change to the selection or the action discards
 * the dry run, so what executes is always what was last checked.
 */
export function useBulkSelection({ rowIds, total, matching, params }: {
  rowIds: string[];
  total: number;
  /** The selection meaning "all rows matching the current filter". */
  matching: Selection;
  params: BulkParams | null;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [dry, setDry] = useState<DryRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const selection: Selection = allMatching ? matching : { campaignIds: [...chosen] };
  const count = allMatching ? total : chosen.size;
  const pageAll = rowIds.length > 0 && rowIds.every((id) => chosen.has(id));
  const reset = () => setDry(null);
  const fail = (r: { error: string; fieldErrors?: Record<string, string> }) => setError(Object.values(r.fieldErrors ?? {})[0] ?? r.error);

  return {
    chosen, allMatching, count, pageAll, dry, error, pending, reset,
    isChosen: (id: string) => allMatching || chosen.has(id),
    toggle: (id: string) => {
      setAllMatching(false);
      reset();
      setChosen((s) => {
        const n = new Set(s);
        if (n.has(id)) n.delete(id);
        else n.add(id);
        return n;
      });
    },
    togglePage: () => {
      setAllMatching(false);
      reset();
      setChosen(pageAll ? new Set() : new Set(rowIds));
    },
    selectAllMatching: () => {
      setAllMatching(true);
      reset();
    },
    clear: () => {
      setAllMatching(false);
      setChosen(new Set());
      reset();
    },
    runDry: () => params && start(async () => {
      setError(null);
      const r = await dryRunAction({ params, selection });
      if (r.ok) setDry(r.data);
      else fail(r);
    }),
    execute: (confirmCount?: number) => params && start(async () => {
      setError(null);
      const r = await startBulkJobAction({ params, selection, confirmCount });
      if (r.ok) router.push(`/jobs/${r.data.jobId}`);
      else fail(r);
    }),
  };
}
