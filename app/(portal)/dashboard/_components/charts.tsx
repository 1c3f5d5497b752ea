"use client";

import dynamic from "next/dynamic";
import type { ChartBar, ChartSeries } from "./bars";

export type { ChartBar, ChartSeries } from "./bars";

// recharts draws only once it has measured its box, so the server sends an empty box either way: loading it after
// the page (no server render) costs nothing visible and keeps it out of the dashboard's first-load script.
const HorizontalBarsChart = dynamic(() => import("./bars").then((m) => m.HorizontalBarsChart), { ssr: false });
const StackedBarsChart = dynamic(() => import("./bars").then((m) => m.StackedBarsChart), { ssr: false });

/**
 * The charts are pictures of numbers that the page also lists as links right beside them, so each chart is
 * one image with a text summary (role="img") rather than a second, keyboard-reachable copy of the data.
 * The box has its final height before the chart arrives, so nothing moves when it does.
 */
export function HorizontalBars({ data, summary, height = 180 }: { data: ChartBar[]; summary: string; height?: number }) {
  return (
    <div role="img" aria-label={summary} style={{ height }} className="w-full">
      <HorizontalBarsChart data={data} />
    </div>
  );
}

export function StackedBars({ data, series, summary, height = 220 }: { data: Record<string, string | number>[]; series: ChartSeries[]; summary: string; height?: number }) {
  return (
    <div role="img" aria-label={summary} style={{ height }} className="w-full">
      <StackedBarsChart data={data} series={series} />
    </div>
  );
}
