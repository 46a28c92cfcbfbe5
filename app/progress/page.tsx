// /progress and /progress?deck=<key>: the figures of lib/stats, each with a
// one-line definition, the charts, and what to study next.
import Link from "next/link";
import type { Stats } from "@/lib/stats";
import { getProgressPage } from "@/lib/services/progress-page";
import { formatValue } from "@/app/components/charts/format";
import { ActivityChart, ButtonCharts, DistributionCharts, ForecastChart, HeatmapFigure, RetentionChart } from "./charts";
import { Weakest } from "./weakest";

export const dynamic = "force-dynamic";
export const metadata = { title: "Progress · Cardinal" };

const pct = (x: number | null) => formatValue(x, "percent");
const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);
const KIND: Record<string, string> = {
  term: "Terms",
  takeaway: "Takeaways",
  tldr: "TL;DR points",
  stage: "Pipeline stages",
  method: "Methods",
  pipeline: "Pipeline order",
  question: "Authored questions",
};

export default async function ProgressPage({ searchParams }: { searchParams: Promise<{ deck?: string }> }) {
  const { deck } = await searchParams;
  const page = await getProgressPage({ deckKey: deck || undefined, now: new Date() });
  if (page.kind === "not-found")
    return (
      <p role="alert">
        No deck called “{page.deckKey}”.{" "}
        <Link className="underline" href="/progress">
          See all decks
        </Link>
        .
      </p>
    );
  const { decks, stats } = page;
  const everAnswered = stats.heatmap.some((d) => d.count > 0) || stats.reviewedCards > 0;
  const t = stats.today;
  const m = stats.mastery;
  const liveCards = m.deck.reduce((n, d) => n + d.cards, 0);
  const mastered = m.deck.reduce((n, d) => n + d.mastered, 0);
  const ret = stats.retention.month.all;
  return (
    <div className="space-y-12">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">Progress</h1>
        <nav aria-label="Deck" className="flex flex-wrap gap-2 text-sm">
          <Link href="/progress" aria-current={!deck ? "page" : undefined} className={chip(!deck)}>
            All decks
          </Link>
          {decks.map((d) => (
            <Link
              key={d.key}
              href={`/progress?deck=${encodeURIComponent(d.key)}`}
              aria-current={deck === d.key ? "page" : undefined}
              className={chip(deck === d.key)}
            >
              {d.title}
            </Link>
          ))}
        </nav>
      </header>

      {!everAnswered && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950" data-testid="empty-progress">
          Nothing to show yet:{" "}
          <Link href="/review" className="font-medium underline">
            review your first cards
          </Link>{" "}
          or{" "}
          <Link href="/quiz" className="font-medium underline">
            take a quiz
          </Link>
          , and your progress appears here.
        </p>
      )}

      <section aria-labelledby="today-h">
        <h2 id="today-h" className="mb-3 text-lg font-medium">
          Today
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="today">
          <Tile
            label="Due now"
            value={t.due}
            note={t.overdue > 0 ? `${t.overdue} overdue from earlier days` : "learning cards due now and today's reviews"}
            testid="due-now"
          />
          <Tile label="Learning today" value={t.learningToday} note="learning cards due before the day ends" testid="learning-today" />
          <Tile label="Due tomorrow" value={t.dueTomorrow} note="learning and review cards, as in the forecast" testid="due-tomorrow" />
          <Tile label="New left" value={t.newLeft} note="new cards still to introduce today" />
          <Tile label="Answers" value={t.reviewsDone} note="reviews and quiz answers today" />
          <Tile
            label="Time spent"
            value={minutes(t.timeSpentMs)}
            note={t.secondsPerCard === null ? "no answers yet today" : `${t.secondsPerCard.toFixed(1)} s per card`}
            testid="time"
          />
          <Tile label="Streak" value={`${t.streak} day${t.streak === 1 ? "" : "s"}`} note="days in a row with an answer" />
          <Tile label="Longest streak" value={`${t.longestStreak} day${t.longestStreak === 1 ? "" : "s"}`} />
        </dl>
      </section>

      <section aria-labelledby="honest-h" className="space-y-3">
        <h2 id="honest-h" className="text-lg font-medium">
          How well you know it
        </h2>
        <dl className="grid gap-3 sm:grid-cols-3" data-testid="headline">
          <Figure
            label="Mastered"
            value={liveCards === 0 ? "—" : `${pct(mastered / liveCards)}`}
            detail={`${mastered} of ${liveCards} cards`}
            definition={`A card is mastered when its predicted recall ${m.horizonDays} days from today is at least ${Math.round(m.threshold * 100)}% and its last answer was not Again; new cards are not.`}
            testid="mastered"
          />
          <Figure
            label="Cards you would recall"
            value={stats.known.toFixed(1)}
            detail={`of ${stats.reviewedCards} studied cards`}
            definition="Sum of each studied card's predicted recall, with a card reviewed today counted as of tomorrow — having just seen a card is not knowing it."
            testid="known"
          />
          <Figure
            label="True retention, 30 days"
            value={pct(ret.rate)}
            detail={`${ret.passed} of ${ret.total} scheduled reviews passed · target ${pct(stats.retention.desired)}`}
            definition="First answer of the day to cards in review, on the review screen only (quiz answers never count); passed = Hard, Good or Easy."
            testid="true-retention"
          />
        </dl>
      </section>

      <Weakest stats={stats} deck={deck || undefined} />

      <section aria-labelledby="activity-h" className="space-y-8">
        <h2 id="activity-h" className="text-lg font-medium">
          Activity
        </h2>
        <ActivityChart stats={stats} />
        <HeatmapFigure stats={stats} />
      </section>

      <section aria-labelledby="ahead-h" className="space-y-8">
        <h2 id="ahead-h" className="text-lg font-medium">
          Ahead and behind
        </h2>
        <ForecastChart stats={stats} />
        <RetentionChart stats={stats} />
        <RetentionTable stats={stats} />
      </section>

      <section aria-labelledby="mem-h" className="space-y-4">
        <h2 id="mem-h" className="text-lg font-medium">
          Memory
        </h2>
        <DistributionCharts stats={stats} />
      </section>

      <section aria-labelledby="btn-h" className="space-y-4">
        <h2 id="btn-h" className="text-lg font-medium">
          Answers
        </h2>
        <ButtonCharts stats={stats} />
      </section>

      <section aria-labelledby="mastery-h">
        <h2 id="mastery-h" className="mb-1 text-lg font-medium">
          Mastery by deck, topic and kind
        </h2>
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
          Mastered: predicted recall ≥ {Math.round(m.threshold * 100)}% in {m.horizonDays} days, last answer not Again.
        </p>
        <ul className="space-y-2" data-testid="mastery">
          {[
            ...m.deck.map((d) => ({ name: d.title, ...d })),
            ...m.topic.map((x) => ({ name: `Topic: ${x.topic}`, ...x })),
            ...m.kind.map((x) => ({ name: KIND[x.kind] ?? x.kind, ...x })),
          ].map((x) => (
            <li key={x.name}>
              <div className="flex justify-between gap-3 text-sm">
                <span>{x.name}</span>
                <span className="tabular-nums">
                  {pct(x.share)} ({x.mastered} of {x.cards})
                </span>
              </div>
              {/* An SVG width, not a style attribute: the CSP refuses inline styles. */}
              <svg className="block h-2 w-full rounded bg-stone-200 dark:bg-stone-800" aria-hidden="true">
                <rect width={`${(x.share ?? 0) * 100}%`} height="100%" rx="4" className="fill-red-700 dark:fill-red-400" />
              </svg>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="counts-h">
        <h2 id="counts-h" className="mb-3 text-lg font-medium">
          Cards by state
        </h2>
        <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6" data-testid="counts">
          {Object.entries(stats.counts).map(([k, v]) => (
            <Tile key={k} label={k} value={v} />
          ))}
        </dl>
      </section>
    </div>
  );
}

function RetentionTable({ stats }: { stats: Stats }) {
  return (
    <table className="w-full text-left text-sm tabular-nums" data-testid="retention">
      <caption className="mb-1 text-left text-sm font-medium">True retention by period (passed / scheduled reviews); young: interval under 21 days</caption>
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
            <th scope="row" className="font-normal">
              {p === "day" ? "today" : p === "week" ? "last 7 days" : "last 30 days"}
            </th>
            {(["young", "mature", "all"] as const).map((k) => {
              const b = stats.retention[p][k];
              return (
                <td key={k}>
                  {pct(b.rate)}{" "}
                  <span className="text-xs text-stone-500">
                    ({b.passed}/{b.total})
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function chip(active: boolean) {
  return `rounded-full border px-3 py-1 ${active ? "border-red-700 bg-red-700 text-white" : "border-stone-300 hover:border-red-700 dark:border-stone-700"}`;
}

function Tile({ label, value, note, testid }: { label: string; value: number | string; note?: string; testid?: string }) {
  return (
    <div className="rounded-lg border border-stone-200 p-3 dark:border-stone-800" data-testid={testid}>
      <dt className="text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className="text-xs text-stone-500 dark:text-stone-400">{note}</dd>}
    </div>
  );
}

function Figure({ label, value, detail, definition, testid }: { label: string; value: string; detail: string; definition: string; testid: string }) {
  return (
    <div className="rounded-lg border border-stone-200 p-3 dark:border-stone-800" data-testid={testid}>
      <dt className="text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      <dd className="text-sm tabular-nums">{detail}</dd>
      <dd className="mt-1 text-xs text-stone-600 dark:text-stone-400">{definition}</dd>
    </div>
  );
}
