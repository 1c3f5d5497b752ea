import Link from "next/link";
import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export interface KeysetPagerProps {
  /** Rows on this page. */
  shown: number;
  /** Rows matching the filter. */
  total: number;
  /** True on the first page, the only one whose position is known without counting the rows before it. */
  atStart: boolean;
  firstHref: string;
  /** Absent when there is no such page. */
  previousHref?: string;
  nextHref?: string;
  /** Noun for the summary, singular and plural: ["brand", "brands"]. */
  noun: [string, string];
  label: string;
}

const stepStyles = cn(buttonVariants({ variant: "outline", size: "sm" }), "gap-1");
// Disabled steps keep full-contrast muted text instead of fading, so they still pass AA.
const disabledStepStyles = cn(stepStyles, "pointer-events-none cursor-not-allowed border-border bg-muted text-muted-foreground shadow-none aria-disabled:opacity-100");

function Step({ href, rel, label, children }: { href?: string; rel?: string; label: string; children: React.ReactNode }) {
  return href ? (
    <Link href={href} rel={rel} aria-label={label} className={stepStyles}>{children}</Link>
  ) : (
    <span aria-disabled="true" className={disabledStepStyles}>{children}</span>
  );
}

/**
 * First / Previous / Next links for a keyset list (lib/pagination/keyset.ts). There are no page numbers: a
 * keyset page does not know its position without counting every row before it, which is the cost it avoids.
 * The first page says "1–25 of 1,204 brands"; later ones "25 of 1,204 brands".
 */
export function KeysetPager({ shown, total, atStart, firstHref, previousHref, nextHref, noun, label }: KeysetPagerProps) {
  const n = (x: number) => x.toLocaleString("en-US");
  const word = total === 1 ? noun[0] : noun[1];
  const summary = total === 0 ? `0 ${noun[1]}` : atStart ? `${n(Math.min(1, shown))}–${n(shown)} of ${n(total)} ${word}` : `${n(shown)} of ${n(total)} ${word}`;
  return (
    <nav aria-label={label} data-slot="pagination" className="flex flex-wrap items-center justify-between gap-3">
      <div className="text-sm text-muted-foreground"><span aria-live="polite">{summary}</span></div>
      <div className="flex items-center gap-2">
        <Step href={atStart ? undefined : firstHref} label="First page"><ChevronsLeft aria-hidden="true" /><span>First</span></Step>
        <Step href={previousHref} rel="prev" label="Previous page"><ChevronLeft aria-hidden="true" /><span>Previous</span></Step>
        <Step href={nextHref} rel="next" label="Next page"><span>Next</span><ChevronRight aria-hidden="true" /></Step>
      </div>
    </nav>
  );
}
