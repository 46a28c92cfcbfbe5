import Link from "next/link";
import type { RetentionBucket } from "@/lib/stats";
import { readStats } from "@/lib/services/stats";
import { listDecks } from "@/lib/db/decks";
import { BarChart } from "@/app/components/charts/bar-chart";
import { Heatmap } from "@/app/components/charts/heatmap";

export const dynamic = "force-dynamic";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

export default async function ProgressPage({ searchParams }: { searchParams: Promise<{ deck?: string }> }) {
  const { deck } = await searchParams;
  const decks = await listDecks();
  const r = await readStats({ deckKey: deck || undefined, now: new Date() });
  if (!r.ok) return <p role="alert">No deck called “{deck}”. <Link className="underline" href="/progress">See all decks</Link>.</p>;
  const { stats } = r;
  const everAnswered = stats.heatmap.some((d) => d.count > 0) || stats.counts.learning + stats.counts.review + stats.counts.relearning > 0;
  const t = stats.today;
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">Progress</h1>
        <nav aria-label="Deck" className="flex flex-wrap gap-2 text-sm">
          <Link href="/progress" aria-current={!deck ? "page" : undefined} className={chip(!deck)}>All decks</Link>
          {decks.map((d) => (
            <Link key={d.key} href={`/progress?deck=${encodeURIComponent(d.key)}`} aria-current={deck === d.key ? "page" : undefined} className={chip(deck === d.key)}>
              {d.title}
            </Link>
          ))}
        </nav>
      </header>

      {!everAnswered && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950" data-testid="empty-progress">
          Nothing to show yet: <Link href="/review" className="font-medium underline">review your first cards</Link> or{" "}
          <Link href="/quiz" className="font-medium underline">take a quiz</Link>, and your progress appears here.
        </p>
      )}

      <section aria-labelledby="today-h">
        <h2 id="today-h" className="mb-3 text-lg font-medium">Today</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="today">
          <Tile label="Due now" value={t.due} />
          <Tile label="New left" value={t.newLeft} />
          <Tile label="Reviews done" value={t.reviewsDone} />
          <Tile label="Time spent" value={minutes(t.timeSpentMs)} />
          <Tile label="Streak" value={`${t.streak} day${t.streak === 1 ? "" : "s"}`} />
          <Tile label="Longest streak" value={`${t.longestStreak} day${t.longestStreak === 1 ? "" : "s"}`} />
        </dl>
      </section>

      <section aria-labelledby="heat-h">
        <h2 id="heat-h" className="mb-3 text-lg font-medium">Reviews over the past year</h2>
        <Heatmap days={stats.heatmap} />
      </section>

      <section aria-labelledby="fc-h">
        <h2 id="fc-h" className="mb-3 text-lg font-medium">Due in the next 30 days</h2>
        <BarChart title="Cards due per day" bars={stats.forecast.map((f) => ({ label: f.day, value: f.due }))} />
      </section>

      <section aria-labelledby="ret-h">
        <h2 id="ret-h" className="mb-1 text-lg font-medium">True retention</h2>
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
          Share of answers to cards in review that were not Again. Desired retention: {pct(stats.retention.desired)}. Young: last interval under 21 days.
        </p>
        <table className="w-full text-left text-sm" data-testid="retention">
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              <th scope="col">period</th>
              <th scope="col">young</th>
              <th scope="col">mature</th>
              <th scope="col">all</th>
            </tr>
          </thead>
          <tbody>
            {(["day", "week", "month"] as const).map((p) => (
              <tr key={p}>
                <th scope="row" className="font-normal">{p === "day" ? "today" : p === "week" ? "last 7 days" : "last 30 days"}</th>
                <td><Rate b={stats.retention[p].young} /></td>
                <td><Rate b={stats.retention[p].mature} /></td>
                <td><Rate b={stats.retention[p].all} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="counts-h">
        <h2 id="counts-h" className="mb-3 text-lg font-medium">Cards</h2>
        <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6" data-testid="counts">
          {Object.entries(stats.counts).map(([k, v]) => (
            <Tile key={k} label={k} value={v} />
          ))}
        </dl>
      </section>

      <section aria-labelledby="mem-h" className="space-y-4">
        <h2 id="mem-h" className="text-lg font-medium">Memory</h2>
        <p className="text-sm">
          Cards you would recall now (sum of retrievability): <strong data-testid="known">{stats.known.toFixed(1)}</strong>
        </p>
        <div className="grid gap-6 sm:grid-cols-3">
          <div><h3 className="mb-2 text-sm font-medium">Stability (days)</h3><BarChart title="Stability" bars={stats.distributions.stability.map((b) => ({ label: b.bucket, value: b.count }))} /></div>
          <div><h3 className="mb-2 text-sm font-medium">Difficulty</h3><BarChart title="Difficulty" bars={stats.distributions.difficulty.map((b) => ({ label: b.bucket, value: b.count }))} /></div>
          <div><h3 className="mb-2 text-sm font-medium">Retrievability now</h3><BarChart title="Retrievability" bars={stats.distributions.retrievability.map((b) => ({ label: b.bucket, value: b.count }))} /></div>
        </div>
      </section>

      <section aria-labelledby="btn-h">
        <h2 id="btn-h" className="mb-3 text-lg font-medium">Answers</h2>
        <table className="w-full text-left text-sm" data-testid="buttons">
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              <th scope="col">source</th><th scope="col">Again</th><th scope="col">Hard</th><th scope="col">Good</th><th scope="col">Easy</th><th scope="col">total</th>
            </tr>
          </thead>
          <tbody>
            {(["review", "quiz"] as const).map((s) => (
              <tr key={s}>
                <th scope="row" className="font-normal">{s === "review" ? "review (recall)" : "quiz (recognition)"}</th>
                {stats.buttons[s].map((n, i) => <td key={["again", "hard", "good", "easy"][i]}>{n}</td>)}
                <td>{stats.sources[s]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="mastery-h">
        <h2 id="mastery-h" className="mb-1 text-lg font-medium">Mastery</h2>
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">Share of cards you would recall with at least 90% probability now.</p>
        <ul className="space-y-2" data-testid="mastery">
          {[...stats.mastery.deck.map((d) => ({ name: d.title, ...d })), ...stats.mastery.topic.map((t) => ({ name: `Topic: ${t.topic}`, ...t }))].map((m) => (
            <li key={m.name}>
              <div className="flex justify-between text-sm"><span>{m.name}</span><span>{pct(m.share)} ({m.mastered} of {m.cards})</span></div>
              {/* An SVG width, not a style attribute: the CSP refuses inline styles. */}
              <svg className="block h-2 w-full rounded bg-stone-200 dark:bg-stone-800" aria-hidden="true">
                <rect width={`${(m.share ?? 0) * 100}%`} height="100%" rx="4" className="fill-red-700 dark:fill-red-400" />
              </svg>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function chip(active: boolean) {
  return `rounded-full border px-3 py-1 ${active ? "border-red-700 bg-red-700 text-white" : "border-stone-300 hover:border-red-700 dark:border-stone-700"}`;
}

function Tile({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="rounded-lg border border-stone-200 p-3 dark:border-stone-800">
      <dt className="text-xs uppercase tracking-wide text-stone-500">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function Rate({ b }: { b: RetentionBucket }) {
  return <span title={`${b.passed} of ${b.total}`}>{pct(b.rate)} <span className="text-xs text-stone-500">({b.passed}/{b.total})</span></span>;
}
