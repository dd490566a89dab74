'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartData } from './dashboard-charts';

// The dashboard's charts, drawn in the browser only: a chart rendered on the server would put
// style attributes in the HTML, which the shop's Content-Security-Policy refuses; drawn here,
// React sets styles through the DOM, which the policy allows. The figures themselves are in the
// tables beside each chart (what assistive technologies read), so the drawings are hidden from them.

const euros = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
const shortDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

const INK = '#7a1f1f';
const SHARE_COLORS = ['#1b6330', '#7a4a00'];

export default function Charts({ data }: { data: ChartData }) {
  const share = [
    { name: 'Du rayon', value: data.share.fromShelf },
    { name: 'Commandés au distributeur', value: data.share.fromSupplier },
  ];
  return (
    <div className="charts">
      <div className="chart" aria-hidden="true">
        <h3>Ventes par jour (30 jours)</h3>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data.salesByDay} accessibilityLayer={false}>
            <CartesianGrid stroke="#d9d4ca" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} interval={4} />
            <YAxis tickFormatter={(value: number) => euros(value)} width={70} />
            <Tooltip formatter={(value) => euros(Number(value))} labelFormatter={(label) => shortDay(String(label))} />
            <Bar dataKey="cents" name="Ventes" fill={INK} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="chart" aria-hidden="true">
        <h3>Valeur du stock par thème</h3>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data.stockValue} layout="vertical" accessibilityLayer={false}>
            <CartesianGrid stroke="#d9d4ca" horizontal={false} />
            <XAxis type="number" tickFormatter={(value: number) => euros(value)} />
            <YAxis type="category" dataKey="theme" width={150} />
            <Tooltip formatter={(value) => euros(Number(value))} />
            <Bar dataKey="valueCents" name="Valeur au prix d’achat" fill="#1a4b8c" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="chart" aria-hidden="true">
        <h3>Exemplaires vendus : rayon ou distributeur</h3>
        <ResponsiveContainer width="100%" height={240}>
          <PieChart accessibilityLayer={false}>
            <Pie
              data={share}
              dataKey="value"
              nameKey="name"
              outerRadius={80}
              isAnimationActive={false}
              rootTabIndex={-1}
            >
              {share.map((entry, index) => (
                <Cell key={entry.name} fill={SHARE_COLORS[index]} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
