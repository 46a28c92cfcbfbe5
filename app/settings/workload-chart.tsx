"use client";
// "Help me decide": minutes a day against desired retention, with what you
// would know after a year, your current setting marked and the cost-effective
// range shaded. Fetched after the page renders: the simulation takes a moment
// on a large collection.
import { useEffect, useState } from "react";
import type { WorkloadForecast } from "@/lib/services/fsrs-simulate";
import { XYChart } from "@/app/components/charts/xy-chart";
import { callApi } from "@/app/api-client";

const PRIMARY = "var(--chart-primary)";
const SECONDARY = "var(--chart-secondary)";
const pct = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toString());

export function WorkloadChart({ reloadKey, decks }: { reloadKey: string; decks: { key: string; title: string }[] }) {
  const [data, setData] = useState<WorkloadForecast | null>(null);
  const [error, setError] = useState<string | null>(null);
  // "" = all cards with the global settings; a deck key = its cards with its preset.
  const [scope, setScope] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is the parent's signal to fetch again
  useEffect(() => {
    let live = true;
    setData(null);
    void callApi<WorkloadForecast>(`/api/v1/fsrs/simulation${scope ? `?deck=${encodeURIComponent(scope)}` : ""}`).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.data);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [reloadKey, scope]);

  const picker =
    decks.length > 1 ? (
      <div className="mt-3">
        <label htmlFor="workload-scope" className="block text-sm font-medium">
          Cards
        </label>
        <select
          id="workload-scope"
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          className="mt-1 h-10 w-full max-w-sm rounded-md border border-stone-300 bg-white px-3 text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
        >
          <option value="">All decks (global settings)</option>
          {decks.map((d) => (
            <option key={d.key} value={d.key}>
              {d.title} (its preset)
            </option>
          ))}
        </select>
      </div>
    ) : null;
  return (
    <>
      {picker}
      <WorkloadBody data={data} error={error} />
    </>
  );
}

function WorkloadBody({ data, error }: { data: WorkloadForecast | null; error: string | null }) {
  if (error) return <p className="mt-3 text-sm text-red-700 dark:text-red-400">Could not simulate your workload: {error}</p>;
  if (!data) return <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">Simulating the next year…</p>;
  if (data.cards === 0) return <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">No cards to simulate yet.</p>;

  const points = data.sweep.points.map((p) => ({ r: p.desiredRetention, minutes: p.minutesPerDay, reviews: p.reviewsPerDay, known: p.knowledgeShare }));
  const current = data.sweep.points.reduce((a, b) =>
    Math.abs(b.desiredRetention - data.desiredRetention) < Math.abs(a.desiredRetention - data.desiredRetention) ? b : a,
  );
  const { from, to } = data.sweep.costEffective;
  return (
    <figure className="mt-3 min-w-0 space-y-2" data-testid="workload-chart">
      <p className="text-sm" data-testid="workload-current">
        At your desired retention of <strong>{pct(data.desiredRetention)}</strong>: about <strong>{one(current.reviewsPerDay)} reviews</strong> and{" "}
        <strong>{one(current.minutesPerDay)} minutes</strong> a day over the next year, and you would know about <strong>{pct(current.knowledgeShare)}</strong>{" "}
        of your {data.cards.toLocaleString("en-US")} cards at its end.
      </p>
      <p className="text-sm" data-testid="workload-range">
        Cost-effective:{" "}
        <strong>
          {pct(from)}–{pct(to)}
        </strong>{" "}
        (the least time per card known is at {pct(data.sweep.mostEfficient)}; above the range each extra point of retention costs disproportionately more time).
      </p>
      <XYChart
        label="Minutes a day and cards known after a year, for each retention target"
        data={points}
        x="r"
        xKind="number"
        xDomain={[0.7, Math.max(0.97, data.desiredRetention)]}
        xTicks={[0.7, 0.75, 0.8, 0.85, 0.9, 0.95]}
        xFormat="percent"
        xTitle={(r) => `desired retention ${pct(Number(r))}`}
        xLabel="desired retention"
        yLabel="minutes a day"
        yUnit={one}
        rightLabel="known after a year"
        rightUnit="percent"
        rightDomain={[0, 1]}
        height={260}
        legend={false}
        series={[
          { key: "minutes", name: "minutes a day", color: PRIMARY, kind: "line" },
          { key: "known", name: "cards known after a year", color: SECONDARY, kind: "line", axis: "right", dashed: true },
        ]}
        band={{ x1: from, x2: to, label: "cost-effective" }}
        references={[{ x: data.desiredRetention, label: `yours ${pct(data.desiredRetention)}`, color: "var(--chart-axis)" }]}
      />
      <figcaption className="text-xs text-stone-600 dark:text-stone-400">
        Solid: minutes a day (left axis). Dashed: share of your cards you would recall after {data.days} days (right axis). A simulation of FSRS on your cards
        and parameters{data.ownHabits.costs ? ", your answer times" : ", typical answer times"}
        {data.ownHabits.ratings ? " and your rating habits" : " and typical rating habits (you have few reviews yet)"}; seed {data.seed}. Every due card is
        reviewed; daily limits are not applied.
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">Workload by desired retention as a table</summary>
        <div className="mt-2 max-h-72 overflow-auto">
          <table className="w-full text-left text-xs tabular-nums">
            <thead>
              <tr>
                <th scope="col" className="pr-3 font-medium">
                  desired retention
                </th>
                <th scope="col" className="pr-3 font-medium">
                  reviews a day
                </th>
                <th scope="col" className="pr-3 font-medium">
                  minutes a day
                </th>
                <th scope="col" className="pr-3 font-medium">
                  known after a year
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.r}>
                  <th scope="row" className="pr-3 font-normal">
                    {pct(p.r)}
                  </th>
                  <td className="pr-3">{one(p.reviews)}</td>
                  <td className="pr-3">{one(p.minutes)}</td>
                  <td className="pr-3">{pct(p.known)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
