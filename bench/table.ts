/**
 * The printed report: the ratios against their targets first, then one table
 * per section, then the definitions. Plain text that is also valid markdown
 * (pipe tables), so bench/README.md can embed it as is.
 */
import { BUNDLE_BUDGET, passes, TARGETS, targetText, type Results, type SectionMeta } from "./results.ts";

export function renderReport(results: Results): string {
  const out: string[] = [];
  out.push(ratioTable(results));
  const { regen, github, client, bundle } = results.sections;
  if (regen) out.push(regenTable(regen));
  if (github) out.push(githubTable(github));
  if (client) out.push(clientTable(client));
  if (bundle) out.push(bundleTable(bundle));
  if (results.sections.many) out.push(manyTable(results.sections.many));
  if (results.sections.consumer) out.push(consumerTable(results.sections.consumer));
  if (results.sections.watch) out.push(watchTable(results.sections.watch));
  out.push(footer(results));
  return out.join("\n\n") + "\n";
}

function ratioTable(results: Results): string {
  const rows: string[][] = [];
  for (const target of Object.values(TARGETS)) {
    const value = results[target.key as keyof Results] as number | undefined;
    if (typeof value !== "number") continue;
    const cpu = results.cpuRatios?.[target.key];
    rows.push([
      `\`${target.key}\``,
      target.label,
      fixed(value, 3),
      cpu === undefined || !Number.isFinite(cpu) ? "-" : fixed(cpu, 3),
      targetText(target),
      verdict(passes(target, value), value, target.max ?? target.min),
    ]);
  }
  for (const [provider, bytes] of Object.entries(results.bundleGzipBytes)) {
    const ok = bytes < BUNDLE_BUDGET;
    rows.push([
      `\`bundleGzipBytes.${provider}\``,
      "client bundle, min+gzip",
      `${int(bytes)} B`,
      "",
      `< ${int(BUNDLE_BUDGET)} B`,
      ok ? "met" : `MISSED by ${int(bytes - BUNDLE_BUDGET + 1)} B`,
    ]);
  }
  return (
    `### Ratios (ours / theirs: lower is better)\n\n${table(["key", "what", "value", "by CPU time", "target", "status"], rows, "lllrrl")}\n\n` +
    "Targets apply to `value` (wall time, as defined below). `by CPU time` is the same ratio from CPU seconds: when it is much lower\n" +
    "than `value`, the process spent its wall time waiting for a core on this shared machine rather than working."
  );
}

function verdict(pass: boolean | undefined, value: number, max: number | undefined): string {
  if (pass === undefined || max === undefined) return "(no target)";
  return pass ? "met" : `MISSED: ${fixed(value / max, 2)}x the target`;
}

function regenTable(r: NonNullable<Results["sections"]["regen"]>): string {
  const row = (name: string, s: typeof r.cold) => [
    name,
    ms(s.ms.median),
    `${ms(s.ms.min)} .. ${ms(s.ms.max)}`,
    `${fixed(s.cpuS.median, 2)} s`,
    mib(s.maxRssKb.median),
  ];
  const rows = [
    row("cold (empty generated/)", r.cold),
    row("no-op rerun", r.noop),
    row(`one spec changed (${r.touched})`, r.oneSpec),
  ];
  return (
    `### 1. Regeneration: ${r.providers.length} providers (${r.providers.join(", ")})\n\n` +
    table(["run", "wall (median)", "range", "CPU", "peak RSS"], rows, "lrrrr") +
    `\n\n${r.rounds} rounds after a warm-up round; whole \`generate --quiet\` processes. ${metaLine(r.meta)}`
  );
}

function githubTable(g: NonNullable<Results["sections"]["github"]>): string {
  const order = ["ours", "heyApi", "openapiTypescript"] as const;
  const rows = order.map((tool) => {
    const t = g.tools[tool];
    return [
      t.label,
      s(t.run.ms.median),
      tool === "ours" ? "1.00x" : `${fixed(g.tools.ours.run.ms.median / t.run.ms.median, 2)}x`,
      `${s(t.run.ms.min)} .. ${s(t.run.ms.max)}`,
      `${fixed(t.run.cpuS.median, 1)} s`,
      mib(t.run.maxRssKb.median),
      `${mb(t.output.bytes)} / ${int(t.output.files)}`,
      `${s(t.tsc.ms)}${t.tsc.exitCode === 0 ? "" : " (errors)"}`,
    ];
  });
  const breakdown = g.tools.ours.output.breakdown;
  const parts = breakdown
    ? Object.entries(breakdown)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([name, bytes]) => `${name} ${mb(bytes)}`)
        .join(", ")
    : "";
  return (
    `### 2. Scale: GitHub REST (${g.spec.package}, ${int(g.spec.operations)} operations, ${int(g.spec.schemas)} schemas, ${mb(g.spec.bytes)})\n\n` +
    table(
      ["tool", "wall (median)", "ours / it", "range", "CPU", "peak RSS", "output MB / files", "tsc --noEmit"],
      rows,
      "lrrrrrrr",
    ) +
    `\n\n${g.runs} run${g.runs === 1 ? "" : "s"} each, interleaved (a warm-up run over 20 s counts as a run). Our output: ${parts}. ${metaLine(g.meta)}`
  );
}

function clientTable(c: NonNullable<Results["sections"]["client"]>): string {
  const names = Object.keys(c.variants);
  const rows = names.map((name) => {
    const v = c.variants[name]!;
    return [
      name,
      int(v.rps.sequential),
      `${fixed(v.usPerRequest.sequential, 1)} µs`,
      `${fixed(v.overRawFetch.sequential.median, 3)}`,
      int(v.rps.concurrent),
      `${fixed(v.overRawFetch.concurrent.median, 3)}`,
      `${fixed(v.cpuUsPerRequest.sequential, 1)} µs (${fixed(v.cpuOverRawFetch.sequential, 3)})`,
      `${fixed(v.stubUsPerCall, 1)} µs (+${fixed(v.overheadUsPerCall, 1)})`,
    ];
  });
  return (
    `### 3. Client overhead: ${c.operation}\n\n` +
    table(
      [
        "through",
        "req/s seq",
        "per request",
        "/ raw fetch",
        `req/s ${c.concurrency} concurrent`,
        "/ raw fetch",
        "client CPU per request (/ raw)",
        "fetch stubbed: per call (+ over raw)",
      ],
      rows,
      "lrrrrrrr",
    ) +
    `\n\n${c.rounds} rounds x ${int(c.n)} GETs per variant and mode, each variant in its own process (fresh processes every round), the processes taking turns in slices of ${int(c.slice)}. ` +
    (c.controlOverRawFetch === undefined
      ? ""
      : `Noise floor: raw fetch in a second process / raw fetch ${fixed(c.controlOverRawFetch.median, 3)} (rounds ${fixed(c.controlOverRawFetch.min, 3)} .. ${fixed(c.controlOverRawFetch.max, 3)}). `) +
    `Ours / openapi-fetch: ${fixed(c.clientOverOpenapiFetch, 3)} sequential, ${fixed(c.clientOverOpenapiFetchConcurrent, 3)} concurrent. ` +
    (c.validatingOverClient === undefined
      ? ""
      : `Validating / plain client: ${fixed(c.validatingOverClient.sequential, 3)} sequential, ${fixed(c.validatingOverClient.concurrent, 3)} concurrent, ` +
        `+${fixed(c.validatingOverClient.stubUsPerCall, 1)} µs per call with fetch stubbed. `) +
    metaLine(c.meta)
  );
}

function bundleTable(b: NonNullable<Results["sections"]["bundle"]>): string {
  const rows = Object.entries(b.providers).map(([provider, p]) => [
    provider,
    `${int(p.minBytes)} B`,
    `${int(p.gzipBytes)} B`,
    `${fixed(p.overOpenapiFetch, 2)}x`,
    `< ${int(BUNDLE_BUDGET)} B: ${p.gzipBytes < BUNDLE_BUDGET ? "met" : "MISSED"}`,
    `${int(BUNDLE_BUDGET - p.gzipBytes)} B`,
  ]);
  rows.push([
    "openapi-fetch alone",
    `${int(b.openapiFetch.minBytes)} B`,
    `${int(b.openapiFetch.gzipBytes)} B`,
    "1.00x",
    "-",
    "-",
  ]);
  return (
    `### 4. Bundle size (esbuild ${b.esbuild}, --minify --format=esm --platform=browser, gzip -9)\n\n` +
    table(["client", "minified", "min+gzip", "/ openapi-fetch", "target", "left"], rows, "lrrrlr")
  );
}

function manyTable(m: NonNullable<Results["sections"]["many"]>): string {
  const row = (name: string, x: typeof m.sequential) => [
    name,
    s(x.ms.median),
    `${s(x.ms.min)} .. ${s(x.ms.max)}`,
    `${fixed(x.cpuS.median, 1)} s`,
    mib(x.maxRssKb.median),
  ];
  const rows = [row("--jobs 1", m.sequential), row(`default (--jobs ${m.jobsDefault})`, m.parallel)];
  return (
    `### 5. Many providers: ${m.providers} specs from ${m.source} (${mb(m.specBytes)}), cold \`generate\`\n\n` +
    table(["run", "wall (median)", "range", "CPU", "peak RSS"], rows, "lrrrr") +
    `\n\nSpeedup ${fixed(m.manyProvidersSpeedup, 2)}x; CPU of the pool / sequential ${fixed(m.cpuParallelOverSequential, 2)}. ` +
    `${m.rounds} rounds after a warm-up round, the two interleaved; outputs byte-identical. Peak RSS: the whole process, worker threads included. ${metaLine(m.meta)}`
  );
}

function consumerTable(c: NonNullable<Results["sections"]["consumer"]>): string {
  const row = (name: string, v: typeof c.ours) => [
    name,
    s(v.run.ms.median),
    `${fixed(v.run.cpuS.median, 2)} s`,
    `${fixed(v.checkS, 2)} s`,
    int(v.instantiations),
    int(v.types),
    mib(v.run.maxRssKb.median),
  ];
  const rows = [row("through @apigen/github", c.ours), row("openapi-fetch + openapi-typescript types", c.openapiFetch)];
  return (
    `### 6. Consumer typecheck: an app calling ${c.operations.join(", ")} (\`tsc --noEmit\`, skipLibCheck)\n\n` +
    table(["app", "wall (median)", "CPU", "check time", "instantiations", "types", "peak RSS"], rows, "lrrrrrr") +
    `\n\nOurs / openapi-fetch: ${fixed(c.consumerTypecheckOverOpenapiFetch, 3)} wall, ${fixed(c.checkTimeRatio, 3)} check time. ${c.runs} runs each after a warm-up, interleaved. ${metaLine(c.meta)}`
  );
}

function watchTable(w: NonNullable<Results["sections"]["watch"]>): string {
  const row = (name: string, x: typeof w.seed.cold) => [
    name,
    ms(x.ms.median),
    `${ms(x.ms.min)} .. ${ms(x.ms.max)}`,
    `${fixed(x.cpuS.median, 2)} s`,
    mib(x.maxRssKb.median),
  ];
  const rows = [
    row(`${w.seed.provider}: cold \`generate ${w.seed.provider}\``, w.seed.cold),
    row(`${w.seed.provider}: running watcher, save to written`, w.seed.watch),
    row("GitHub: cold `generate --spec --out`", w.github.cold),
    row("GitHub: running `watch --spec --out`, save to written", w.github.watch),
  ];
  return (
    `### 7. Edits in watch mode: ${w.seed.edit}; ${w.github.edit}\n\n` +
    table(["run", "wall (median)", "range", "CPU", "peak RSS"], rows, "lrrrr") +
    `\n\nSeed ${fixed(w.watchEditOverCold, 3)} wall (${fixed(w.seed.cpuRatio, 3)} CPU) over ${w.seed.rounds} rounds; ` +
    `GitHub ${fixed(w.githubWatchEditOverCold, 3)} wall (${fixed(w.github.cpuRatio, 3)} CPU) over ${w.github.rounds} rounds; ` +
    `after a warm-up round each, interleaved, packages byte-identical after every round. Watcher figures include the 1 ms ` +
    `it waits for a save to settle; its peak RSS is the process's so far. ${metaLine(w.meta)}`
  );
}

function footer(results: Results): string {
  const m = results.machine;
  return [
    "Definitions: ratios of times are ours / theirs (lower is better). Generation times are whole processes",
    "(spawn to exit) with peak RSS from GNU time (%M); medians. `noopOverCold` = no-op rerun / cold run and",
    "`oneSpecOverCold` = rerun after one spec's summary changed / cold run, over copies of specs/.",
    "`githubOurs*` = our full `generate --spec github.json --out dir` / the other tool's CLI on the same file.",
    "`clientOverRawFetch` = time per request through our generated client / through raw fetch, median over",
    "rounds of the per-round ratio, sequential keep-alive GETs to a loopback node:http server in another",
    "process (concurrent reported beside it); `clientOverOpenapiFetch` likewise against plain openapi-fetch.",
    "Bundle = esbuild bundle of an entry that imports and calls the package's factory, minified, gzip -9.",
    `Machine: Node ${m.node}, ${m.platform}, ${m.cpus} x ${m.cpuModel}, ${m.memoryGiB} GiB; shared with other work (see the load averages).`,
  ].join("\n");
}

function metaLine(meta: SectionMeta): string {
  const dirty = meta.dirty.length > 0 ? `, ${meta.dirty.length} generator files modified` : "";
  return `Measured ${meta.measuredAt.slice(0, 16).replace("T", " ")} UTC in ${Math.round(meta.seconds)} s, load ${meta.loadavg[0]} -> ${meta.loadavg[1]} (commit ${meta.commit.slice(0, 7)}${dirty}${meta.generator ? `, generator snapshot ${meta.generator}` : ""}).`;
}

export function table(headers: string[], rows: string[][], align: string): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const cell = (text: string, i: number) => (align[i] === "r" ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (align[i] === "r" ? `${"-".repeat(w + 1)}:` : `${"-".repeat(w + 2)}`)).join("|")}|`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}
function int(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
function ms(value: number): string {
  return `${int(value)} ms`;
}
function s(msValue: number): string {
  return `${fixed(msValue / 1000, 1)} s`;
}
function mib(kb: number): string {
  return `${int(kb / 1024)} MiB`;
}
function mb(bytes: number): string {
  return `${fixed(bytes / 1e6, 1)} MB`;
}
