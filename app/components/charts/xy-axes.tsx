// XYChart's axes: a line, ticks with their labels, and the axis title (which
// carries the unit). Drawn inside the plot's <Group>, so 0,0 is the plot's top left.
const FONT = 11;
const AXIS = "var(--chart-axis)";

export type Tick = { at: number; text: string; key: string | number };

export function BottomAxis({ ticks, width, height, title }: { ticks: Tick[]; width: number; height: number; title: string }) {
  return (
    <g data-testid="x-axis">
      <line x1={0} x2={width} y1={height} y2={height} stroke={AXIS} />
      {ticks.map((t) => (
        <g key={t.key}>
          <line x1={t.at} x2={t.at} y1={height} y2={height + 4} stroke={AXIS} />
          <text x={t.at} y={height + 15} textAnchor="middle" fill={AXIS} fontSize={FONT} data-testid="tick">
            {t.text}
          </text>
        </g>
      ))}
      <text x={width / 2} y={height + 34} textAnchor="middle" fill={AXIS} fontSize={FONT} data-testid="axis-title">
        {title}
      </text>
    </g>
  );
}

/** A value axis at x (0: left, the plot's width: right); titleX is where its rotated title sits. */
export function SideAxis({
  side,
  ticks,
  x,
  titleX,
  height,
  title,
}: {
  side: "left" | "right";
  ticks: Tick[];
  x: number;
  titleX: number;
  height: number;
  title: string;
}) {
  const left = side === "left";
  return (
    <g data-testid={left ? "y-axis" : "y-axis-right"}>
      <line x1={x} x2={x} y1={0} y2={height} stroke={AXIS} />
      {ticks.map((t) => (
        <text key={t.key} x={left ? x - 6 : x + 6} y={t.at + 4} textAnchor={left ? "end" : "start"} fill={AXIS} fontSize={FONT} data-testid="tick">
          {t.text}
        </text>
      ))}
      <text
        transform={`translate(${titleX}, ${height / 2}) rotate(${left ? -90 : 90})`}
        textAnchor="middle"
        fill={AXIS}
        fontSize={FONT}
        data-testid="axis-title"
      >
        {title}
      </text>
    </g>
  );
}
