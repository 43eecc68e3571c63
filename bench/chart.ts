/**
 * bench/chart.svg: every ratio as a bar growing from parity (1.0) on a log
 * scale, left = we are faster/smaller, right = slower/larger, with its target
 * marked. Green meets the target, red misses it, grey has none. Hand-written
 * SVG: no dependency, byte-stable for the same figures.
 */
import { BUNDLE_BUDGET, passes, TARGETS, type Results } from "./results.ts";

interface Bar {
  label: string;
  value: number;
  /** Where the target sits on the same scale, if there is one. */
  target?: number;
  pass?: boolean;
  text: string;
  /** The same ratio by CPU time, drawn as a dot. */
  cpu?: number;
}

const LABEL_W = 330;
const PLOT_W = 500;
const VALUE_W = 150;
const ROW_H = 28;
const TOP = 64;

export function renderChart(results: Results): string {
  const bars = collectBars(results);
  const values = bars.flatMap((b) => [b.value, b.target ?? 1]).filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(-1, Math.floor(Math.log10(Math.min(...values)) - 0.15));
  const hi = Math.max(1, Math.ceil(Math.log10(Math.max(...values)) + 0.15));
  const x = (v: number) => LABEL_W + ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * PLOT_W;
  const width = LABEL_W + PLOT_W + VALUE_W;
  const height = TOP + bars.length * ROW_H + 56;
  const el: string[] = [];

  el.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  el.push(
    text(16, 26, "apigen bench: ours / theirs (log scale, lower is better)", 'font-size="16" font-weight="bold"'),
  );
  el.push(text(16, 46, subtitle(results), 'font-size="11" fill="#555"'));
  for (let p = lo; p <= hi; p++) {
    const gx = x(10 ** p);
    el.push(
      `<line x1="${r(gx)}" y1="${TOP - 6}" x2="${r(gx)}" y2="${TOP + bars.length * ROW_H}" stroke="${p === 0 ? "#333" : "#ddd"}" stroke-width="${p === 0 ? 1.5 : 1}"/>`,
    );
    el.push(
      text(
        gx,
        TOP + bars.length * ROW_H + 16,
        String(10 ** p >= 1 ? 10 ** p : Number((10 ** p).toFixed(-p))),
        'font-size="11" text-anchor="middle" fill="#555"',
      ),
    );
  }
  bars.forEach((bar, i) => {
    const y = TOP + i * ROW_H;
    const x0 = x(1);
    const x1 = x(bar.value);
    const color = bar.pass === undefined ? "#78909c" : bar.pass ? "#2e7d32" : "#c62828";
    el.push(text(LABEL_W - 10, y + ROW_H / 2 + 4, bar.label, 'font-size="12" text-anchor="end"'));
    el.push(
      `<rect x="${r(Math.min(x0, x1))}" y="${y + 6}" width="${r(Math.max(1, Math.abs(x1 - x0)))}" height="${ROW_H - 12}" fill="${color}" rx="2"/>`,
    );
    if (bar.cpu !== undefined && Number.isFinite(bar.cpu) && bar.cpu > 0) {
      el.push(
        `<circle cx="${r(x(bar.cpu))}" cy="${y + ROW_H / 2}" r="3.5" fill="#ffffff" stroke="#111" stroke-width="1.5"/>`,
      );
    }
    if (bar.target !== undefined) {
      const tx = x(bar.target);
      el.push(
        `<line x1="${r(tx)}" y1="${y + 2}" x2="${r(tx)}" y2="${y + ROW_H - 2}" stroke="#111" stroke-width="2" stroke-dasharray="3 2"/>`,
      );
    }
    el.push(text(LABEL_W + PLOT_W + 8, y + ROW_H / 2 + 4, bar.text, `font-size="12" fill="${color}"`));
  });
  const ly = TOP + bars.length * ROW_H + 36;
  el.push(
    text(
      16,
      ly,
      "Bars (wall time) grow from parity (1.0). Dot = the same ratio by CPU time. Dashed tick = target. Green: met; red: missed; grey: no target.",
      'font-size="11" fill="#555"',
    ),
  );
  el.push(
    text(
      16,
      ly + 14,
      "Bundle rows: gzipped client / openapi-fetch alone; the tick is the 8,000 B budget on that scale.",
      'font-size="11" fill="#555"',
    ),
  );

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">\n${el.join("\n")}\n</svg>\n`;
}

function collectBars(results: Results): Bar[] {
  const bars: Bar[] = [];
  for (const target of Object.values(TARGETS)) {
    const value = results[target.key as keyof Results];
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    if (target.min !== undefined) {
      // A speedup (higher is better): drawn as its inverse, a time ratio, so that left stays better.
      bars.push({
        label: `${target.label.replace(/ \(higher is better\)$/, "")}, inverted`,
        value: 1 / value,
        target: 1 / target.min,
        pass: passes(target, value),
        text: `${value.toFixed(2)}x (target ≥ ${target.min}x)`,
      });
      continue;
    }
    bars.push({
      label: `${target.label}`,
      value,
      target: target.max,
      pass: passes(target, value),
      cpu: results.cpuRatios?.[target.key],
      text: `${value.toFixed(value < 0.1 ? 3 : 2)}${target.max === undefined ? "" : ` (target ${target.strict ? "<" : "≤"} ${target.max})`}`,
    });
  }
  const bundle = results.sections.bundle;
  if (bundle) {
    const base = bundle.openapiFetch.gzipBytes;
    for (const [provider, p] of Object.entries(bundle.providers)) {
      bars.push({
        label: `bundle ${provider} / openapi-fetch`,
        value: p.gzipBytes / base,
        target: BUNDLE_BUDGET / base,
        pass: p.gzipBytes < BUNDLE_BUDGET,
        text: `${p.gzipBytes.toLocaleString("en-US")} B (${(p.gzipBytes / base).toFixed(2)}x)`,
      });
    }
  }
  return bars;
}

function subtitle(results: Results): string {
  const s = results.sections;
  const when = [s.regen, s.github, s.client, s.bundle]
    .map((x) => x?.meta.measuredAt)
    .filter((t): t is string => t !== undefined)
    .sort()
    .pop();
  const gh = s.github ? `GitHub ${s.github.spec.package}, ${s.github.spec.operations} operations; ` : "";
  return `${gh}Node ${results.machine.node}, ${results.machine.cpus} cores; measured ${when?.slice(0, 10) ?? "?"}`;
}

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${r(x)}" y="${r(y)}" ${attrs}>${escape(content)}</text>`;
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function r(v: number): string {
  return String(Math.round(v * 10) / 10);
}
