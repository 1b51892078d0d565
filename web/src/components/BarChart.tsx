import { useI18n } from "../i18n/I18nProvider";

export interface Bar {
  label: string;
  values: number[];
  target?: number;
}

/**
 * Horizontal bars, one row per item, one bar per series (e.g. approved, completed), and a target
 * mark when the item has one. Plain SVG: no chart library in the bundle. A table with the same
 * figures follows for screen readers and for copying.
 */
export function BarChart({ title, series, bars }: { title: string; series: string[]; bars: Bar[] }) {
  const { t, formatNumber } = useI18n();
  const max = Math.max(1, ...bars.flatMap((b) => [...b.values, b.target ?? 0]));
  const rowHeight = 10 + series.length * 8;
  const labelWidth = 130;
  const width = 400;
  const scale = (v: number) => ((width - labelWidth - 40) * v) / max;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${rowHeight * bars.length + 20}`} aria-hidden="true">
        {bars.map((bar, row) => {
          const y = row * rowHeight;
          return (
            <g key={bar.label} transform={`translate(0 ${y})`}>
              <text x={labelWidth - 6} y={rowHeight / 2 + 3} textAnchor="end" className="axis">
                {bar.label}
              </text>
              {bar.values.map((value, i) => (
                <g key={series[i]}>
                  <rect x={labelWidth} y={4 + i * 8} width={scale(value)} height={7} className={`series-${i}`} />
                  <text x={labelWidth + scale(value) + 3} y={10 + i * 8} className="value">
                    {formatNumber(value)}
                  </text>
                </g>
              ))}
              {bar.target !== undefined && (
                <line x1={labelWidth + scale(bar.target)} x2={labelWidth + scale(bar.target)} y1={1} y2={rowHeight - 1} className="target" />
              )}
            </g>
          );
        })}
        <g transform={`translate(${labelWidth} ${rowHeight * bars.length + 8})`} className="legend">
          {series.map((name, i) => (
            <g key={name} transform={`translate(${i * 90} 0)`}>
              <rect width="8" height="8" className={`series-${i}`} />
              <text x="12" y="7">
                {name}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            {series.map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
            {bars.some((b) => b.target !== undefined) && <th scope="col">{t("chart.target")}</th>}
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              {bar.values.map((value, i) => (
                <td key={series[i]}>{formatNumber(value)}</td>
              ))}
              {bar.target !== undefined && <td>{formatNumber(bar.target)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
