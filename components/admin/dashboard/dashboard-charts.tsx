'use client';

import dynamic from 'next/dynamic';

export type ChartData = {
  salesByDay: { day: string; cents: number }[];
  stockValue: { theme: string; valueCents: number; copies: number }[];
  share: { fromShelf: number; fromSupplier: number };
};

// Loaded in the browser only (see charts.tsx): nothing of recharts reaches the server's HTML.
const Charts = dynamic(() => import('./charts'), {
  ssr: false,
  loading: () => <p className="muted">Chargement des graphiques…</p>,
});

export function DashboardCharts({ data }: { data: ChartData }) {
  return <Charts data={data} />;
}
