import { Pagination } from "@/components/ui/pagination";
import { pageCount } from "./url-state";

export interface TablePagerProps {
  page: number;
  /** Offset lists pass the total; keyset lists leave it out and pass hasNextPage. */
  total?: number;
  pageSize: number;
  hasNextPage?: boolean;
  hrefForPage: (page: number) => string;
  /** Noun for the summary, singular and plural: ["brand", "brands"]. */
  noun: [string, string];
  label: string;
}

/** The existing Pagination with a "1–25 of 120 brands" summary. */
export function TablePager({ page, total, pageSize, hasNextPage, hrefForPage, noun, label }: TablePagerProps) {
  let summary: string;
  if (total === undefined) summary = "";
  else if (total === 0) summary = `0 ${noun[1]}`;
  else {
    const first = Math.min((page - 1) * pageSize + 1, total);
    const last = Math.min(page * pageSize, total);
    summary = `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} ${total === 1 ? noun[0] : noun[1]}`;
  }
  return (
    <Pagination
      page={page}
      pageCount={total === undefined ? undefined : pageCount(total, pageSize)}
      hasNextPage={hasNextPage}
      hrefForPage={hrefForPage}
      summary={<span aria-live="polite">{summary}</span>}
      label={label}
    />
  );
}
