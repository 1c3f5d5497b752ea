"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartBar = { label: string; value: number; color: string };
export type ChartSeries = { key: string; label: string; color: string };

const axisTick = { fill: "var(--color-muted-foreground, #52525b)", fontSize: 12 };

/**
 * The charts are pictures of numbers that the page also lists as links right beside them, so each chart is
 * one image with a text summary (role="img") rather than a second, keyboard-reachable copy of the data.
 */
export function HorizontalBars({ data, summary, height = 180 }: { data: ChartBar[]; summary: string; height?: number }) {
  return (
    <div role="img" aria-label={summary} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={axisTick} />
          <YAxis type="category" dataKey="label" width={96} tick={axisTick} />
          <Tooltip cursor={{ fill: "rgba(0,0,0,0.04)" }} />
          <Bar dataKey="value" name="Brands" isAnimationActive={false} radius={[0, 4, 4, 0]}>
            {data.map((d) => (
              <Cell key={d.label} fill={d.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function StackedBars({ data, series, summary, height = 220 }: { data: Record<string, string | number>[]; series: ChartSeries[]; summary: string; height?: number }) {
  return (
    <div role="img" aria-label={summary} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="carrier" tick={axisTick} />
          <YAxis allowDecimals={false} tick={axisTick} width={40} />
          <Tooltip cursor={{ fill: "rgba(0,0,0,0.04)" }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="status" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
