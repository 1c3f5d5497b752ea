import Link from "next/link";
import { Tag } from "lucide-react";

/** A list row's tags as links that filter the list by that tag; the one filtered on is marked current. */
export function TagChipLinks({ tags, label, current, hrefFor, noun }: { tags: string[]; label: string; current?: string; hrefFor: (tag: string) => string; noun: string }) {
  if (!tags.length) return null;
  return (
    <ul aria-label={label} className="mt-1 flex flex-wrap gap-1 font-normal">
      {tags.map((t) => (
        <li key={t}>
          <Link
            href={hrefFor(t)}
            aria-label={`${t}: show ${noun} tagged ${t}`}
            aria-current={current === t ? "true" : undefined}
            className="inline-flex items-center rounded-full border px-2 py-0.5 text-xs text-muted-foreground hover:border-primary hover:text-foreground aria-[current=true]:border-primary aria-[current=true]:bg-primary/10 aria-[current=true]:text-foreground"
          >
            <Tag aria-hidden="true" className="mr-1 size-3" />{t}
          </Link>
        </li>
      ))}
    </ul>
  );
}
