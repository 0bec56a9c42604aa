import { useId } from 'react';
import { barLength, niceMax, ticks } from './chart';

export interface BarSeries {
  key: string;
  label: string;
  /** A CSS class giving the bar its colour (`chart__bar--booked`). */
  className: string;
}

export interface BarGroup {
  label: string;
  values: Record<string, number>;
}

/**
 * Horizontal grouped bars as plain SVG: one group per row, one bar per series. The chart is
 * an image with a title and a description; the same numbers are in a table beside it.
 */
export function BarChart({
  title,
  description,
  series,
  groups,
  format,
  testId,
}: {
  title: string;
  description: string;
  series: readonly BarSeries[];
  groups: readonly BarGroup[];
  format: (value: number) => string;
  testId?: string;
}) {
  const id = useId();
  const max = niceMax(groups.flatMap((group) => series.map((item) => group.values[item.key] ?? 0)));
  const labelWidth = 120;
  const plotWidth = 420;
  const valueWidth = 90;
  const barHeight = 12;
  const gap = 2;
  const groupGap = 14;
  const groupHeight = series.length * (barHeight + gap) + groupGap;
  const top = 8;
  const height = top + groups.length * groupHeight + 20;
  const width = labelWidth + plotWidth + valueWidth;

  return (
    <figure className="chart" data-testid={testId}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        className="chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(max).map((tick) => {
          const x = labelWidth + barLength(tick, max, plotWidth);
          return (
            <g key={tick} className="chart__tick">
              <line x1={x} x2={x} y1={top - 4} y2={height - 16} />
              <text x={x} y={height - 4} textAnchor="middle">
                {format(tick)}
              </text>
            </g>
          );
        })}
        {groups.map((group, index) => {
          const y = top + index * groupHeight;
          return (
            <g key={`${group.label}-${index}`}>
              <text x={labelWidth - 6} y={y + (series.length * (barHeight + gap)) / 2 + 4} textAnchor="end" className="chart__label">
                {group.label.length > 16 ? `${group.label.slice(0, 15)}…` : group.label}
              </text>
              {series.map((item, position) => {
                const value = group.values[item.key] ?? 0;
                const barY = y + position * (barHeight + gap);
                const length = barLength(value, max, plotWidth);
                return (
                  <g key={item.key}>
                    <rect x={labelWidth} y={barY} width={length} height={barHeight} className={`chart__bar ${item.className}`} />
                    <text x={labelWidth + length + 4} y={barY + barHeight - 2} className="chart__value">
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        {series.map((item) => (
          <span key={item.key} className="chart__legend-item">
            <span className={`chart__swatch ${item.className}`} aria-hidden="true" />
            {item.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
