// Draws a chart block's canvas with chart.js. Loaded with a dynamic import() after hydration, so
// chart.js is its own chunk and stays out of the runtime's first-load JavaScript. Colours come from
// the portal theme (the --pt-* CSS variables on the canvas); no animation for reduced motion.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, PieController, ArcElement, CategoryScale, LinearScale, Filler, Tooltip, Legend);

export type DrawInput = {
  chartType: 'bar' | 'line' | 'pie';
  labels: string[];
  values: number[];
  seriesLabel: string;
  format: (n: number) => string;
  /** Whole numbers only (counts): the axis has no 0.5 steps. */
  integer: boolean;
};

const cssVar = (el: Element, name: string, fallback: string) => getComputedStyle(el).getPropertyValue(name).trim() || fallback;

/** A theme colour (#rrggbb) with an alpha, for fills; other notations are used as they are. */
export function alpha(color: string, pct: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m ? `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${pct / 100})` : color;
}

export function drawChart(canvas: HTMLCanvasElement, input: DrawInput): { destroy: () => void } {
  const primary = cssVar(canvas, '--pt-primary', '#2457d6');
  const text = cssVar(canvas, '--pt-text', '#1b1f24');
  const muted = cssVar(canvas, '--pt-muted', '#5d6672');
  const border = cssVar(canvas, '--pt-border', '#dde1e6');
  const surface = cssVar(canvas, '--pt-surface', '#ffffff');
  const font = cssVar(canvas, '--pt-font-body', 'system-ui, sans-serif');
  const palette = [primary, cssVar(canvas, '--pt-success', '#1f8a4c'), cssVar(canvas, '--pt-warning', '#b7791f'), cssVar(canvas, '--pt-danger', '#c53030'), muted, text];
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const pie = input.chartType === 'pie';
  const colours = input.values.map((_, i) => (i < palette.length ? palette[i]! : alpha(palette[i % palette.length]!, 55)));

  const config: ChartConfiguration<'bar' | 'line' | 'pie'> = {
    type: input.chartType,
    data: {
      labels: input.labels,
      datasets: [
        {
          label: input.seriesLabel,
          data: input.values,
          backgroundColor: pie ? colours : input.chartType === 'line' ? alpha(primary, 14) : primary,
          borderColor: pie ? surface : primary,
          borderWidth: pie ? 2 : input.chartType === 'line' ? 2 : 0,
          ...(input.chartType === 'line' ? { fill: true, tension: 0.3, pointRadius: 3, pointBackgroundColor: primary } : {}),
          ...(input.chartType === 'bar' ? { borderRadius: 4, maxBarThickness: 56 } : {}),
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 450 },
      // A resize (a scrollbar appearing, a phone turned) redraws at once instead of animating again.
      transitions: { resize: { animation: { duration: 0 } } },
      color: text,
      font: { family: font },
      plugins: {
        legend: { display: pie, position: 'bottom', labels: { color: text, font: { family: font } } },
        tooltip: { callbacks: { label: (item) => `${pie ? `${String(item.label)}: ` : ''}${input.format(Number(item.raw))}` } },
      },
      ...(pie
        ? {}
        : {
            scales: {
              x: { grid: { display: false }, ticks: { color: muted, font: { family: font } }, border: { color: border } },
              y: { beginAtZero: true, grid: { color: border }, border: { display: false }, ticks: { color: muted, font: { family: font }, ...(input.integer ? { precision: 0 } : {}), callback: (v) => input.format(Number(v)) } },
            },
          }),
    },
  };
  return new Chart(canvas, config as ChartConfiguration);
}
