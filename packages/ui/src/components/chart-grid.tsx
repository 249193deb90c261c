/**
 * Horizontal grid lines of an SVG chart with their value labels at the left edge (0, half, top
 * by default). `y` maps a value to the chart's y coordinate; `format` writes the label.
 */
export interface ChartGridProps {
  top: number;
  y: (value: number) => number;
  left: number;
  right: number;
  format?: (value: number) => string;
  fractions?: readonly number[];
}

export function ChartGrid({ top, y, left, right, format = String, fractions = [0, 0.5, 1] }: ChartGridProps) {
  return (
    <>
      {fractions.map((f) => (
        <g key={f}>
          <line x1={left} x2={right} y1={y(top * f)} y2={y(top * f)} stroke="var(--ui-border)" />
          <text x={left - 6} y={y(top * f) + 4} textAnchor="end" fontSize="10" fill="var(--ui-text-subtle)">
            {format(top * f)}
          </text>
        </g>
      ))}
    </>
  );
}
