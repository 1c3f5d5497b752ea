"use client";

// The recharts bodies of the dashboard's charts. Loaded on their own after the page (see charts.tsx): recharts is
// about 100 KB gzipped, more than the rest of the dashboard's own script.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartBar = { label: string; value: number; color: string };
export type ChartSeries = { key: string; label: string; color: string };

const axisTick = { fill: "var(--color-muted-foreground, #52525b)", fontSize: 12 };

export function HorizontalBarsChart({ data }: { data: ChartBar[] }) {
  return (
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
  );
}

export function StackedBarsChart({ data, series }: { data: Record<string, string | number>[]; series: ChartSeries[] }) {
  return (
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
  );
}
