import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';

/**
 * Every Recharts drawing of the review panel, in one module that the panel loads lazily (chart-slot.tsx): Recharts
 * is the largest library of the first screen after MapLibre and deck.gl, and the map must not wait for it.
 */

export function SparklinePlot({ values }: { values: (number | null)[] }) {
  const data = values.map((value, index) => ({ index, value }));
  return (
    <ResponsiveContainer width="100%" height={28}>
      <LineChart data={data} accessibilityLayer={false}>
        <Line
          type="monotone"
          dataKey="value"
          stroke="#0b3d91"
          strokeWidth={1.5}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export interface TrendRow {
  day: string;
  cases: number;
  resolution: number | null;
  satisfaction: number | null;
}

export function TrendPlot({
  data,
  names,
}: {
  data: TrendRow[];
  names: Record<'cases' | 'resolution' | 'satisfaction', string>;
}) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d8dee8" />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis yAxisId="count" tick={{ fontSize: 11 }} allowDecimals={false} />
        <YAxis yAxisId="rate" orientation="right" domain={[50, 100]} tick={{ fontSize: 11 }} unit="%" />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="count" dataKey="cases" name={names.cases} fill="#7aa6e0" isAnimationActive={false} />
        <Line
          yAxisId="rate"
          dataKey="resolution"
          name={names.resolution}
          stroke="#0b3d91"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="satisfaction"
          name={names.satisfaction}
          stroke="#e07b00"
          strokeDasharray="4 2"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export interface BarRow {
  code: string;
  name: string;
  count: number;
}

const barColour = '#2c7fb8';
const mutedColour = '#b8cfe0';

export function BarsPlot({
  rows,
  height,
  chosen,
  onToggle,
}: {
  rows: BarRow[];
  height: number;
  chosen: ReadonlySet<string>;
  onToggle: (code: string) => void;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }}>
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Bar
          dataKey="count"
          isAnimationActive={false}
          label={{ position: 'right', fontSize: 11 }}
          cursor="pointer"
          onClick={(_, index) => {
            const row = rows[index];
            if (row) onToggle(row.code);
          }}
          shape={(props: BarShapeProps) => {
            const code = rows[props.index]?.code ?? '';
            return (
              <Rectangle
                {...props}
                fill={chosen.size === 0 || chosen.has(code) ? barColour : mutedColour}
                data-code={code}
              />
            );
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
