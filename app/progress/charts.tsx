// The Progress page's charts: each one a ChartFigure (title, one-line
// definition, table) around an XYChart. Server components: they only
// shape Stats into rows.
import type { Stats } from "@/lib/stats";
import { ChartFigure } from "@/app/components/charts/chart-figure";
import { Heatmap } from "@/app/components/charts/heatmap";
import { XYChart } from "@/app/components/charts/xy-chart";
import { formatValue, longDay } from "@/app/components/charts/format";

const pct = (x: number | null) => formatValue(x, "percent");
const RATING_SERIES = [
  { key: "again", name: "Again", color: "var(--chart-again)", stack: "r" },
  { key: "hard", name: "Hard", color: "var(--chart-hard)", stack: "r" },
  { key: "good", name: "Good", color: "var(--chart-good)", stack: "r" },
  { key: "easy", name: "Easy", color: "var(--chart-easy)", stack: "r" },
];

export function ActivityChart({ stats }: { stats: Stats }) {
  const rows = stats.activity.map((d) => ({ day: d.day, review: d.review, quiz: d.quiz, minutes: Math.round((d.timeMs / 60_000) * 10) / 10 }));
  const any = stats.activity.some((d) => d.answers > 0);
  return (
    <ChartFigure
      id="activity"
      title="Answers per day, with time spent"
      definition="Every answer on the review screen and in quizzes, per study day over the last 30 days; time is measured from showing a card to answering it."
      empty={any ? undefined : "No answers in the last 30 days. Start a review and this chart fills in."}
      table={{
        columns: ["day", "review", "quiz", "time", "seconds per answer"],
        rows: stats.activity.map((d) => [
          longDay(d.day),
          d.review,
          d.quiz,
          formatValue(d.timeMs / 60_000, "minutes"),
          d.answers === 0 ? "—" : formatValue(d.timeMs / d.answers / 1000, "seconds"),
        ]),
      }}
    >
      <XYChart
        label="Answers per day, with time spent"
        data={rows}
        x="day"
        xKind="day"
        xLabel="study day"
        yLabel="answers"
        rightLabel="minutes"
        rightUnit="minutes"
        series={[
          { key: "review", name: "review", color: "var(--chart-primary)", stack: "a" },
          { key: "quiz", name: "quiz", color: "var(--chart-muted)", stack: "a" },
          { key: "minutes", name: "time spent", color: "var(--chart-secondary)", kind: "line", axis: "right" },
        ]}
      />
    </ChartFigure>
  );
}

export function ForecastChart({ stats }: { stats: Stats }) {
  const rows = stats.forecast.map((f, i) => ({ day: f.day, overdue: i === 0 ? stats.today.overdue : 0, due: i === 0 ? f.due - stats.today.overdue : f.due }));
  const any = stats.forecast.some((f) => f.due > 0);
  return (
    <ChartFigure
      id="forecast"
      title="Due in the next 30 days"
      definition="Learning, relearning and review cards due per study day (not suspended); today's bar includes the backlog of cards that were due before today."
      empty={any ? undefined : "Nothing is due in the next 30 days. New cards join the forecast once you review them."}
      table={{ columns: ["day", "due", "of them overdue"], rows: rows.map((r) => [longDay(r.day), r.due + r.overdue, r.overdue]) }}
    >
      <XYChart
        label="Cards due per day, next 30 days"
        data={rows}
        x="day"
        xKind="day"
        xLabel="study day"
        yLabel="cards due"
        series={[
          { key: "overdue", name: "backlog (overdue)", color: "var(--chart-secondary)", stack: "d" },
          { key: "due", name: "due that day", color: "var(--chart-primary)", stack: "d" },
        ]}
      />
    </ChartFigure>
  );
}

export function RetentionChart({ stats }: { stats: Stats }) {
  const r = stats.retention;
  const any = r.daily.some((d) => d.total > 0);
  return (
    <ChartFigure
      id="retention"
      title="True retention per day, against your target"
      definition={`Share of scheduled reviews passed (Hard, Good or Easy): the first answer of the day to a card in review, on the review screen — quiz answers do not count. Dashed: desired retention ${pct(r.desired)}.`}
      empty={any ? undefined : "No scheduled reviews yet: true retention starts once cards you learned come due again."}
      table={{
        columns: ["day", "passed", "reviews", "retention"],
        rows: r.daily.filter((d) => d.total > 0).map((d) => [longDay(d.day), d.passed, d.total, pct(d.rate)]),
      }}
    >
      <XYChart
        label="True retention per day"
        data={r.daily.map((d) => ({ day: d.day, rate: d.rate, reviews: d.total }))}
        x="day"
        xKind="day"
        xLabel="study day"
        yLabel="retention"
        yUnit="percent"
        yDomain={[0, 1]}
        series={[{ key: "rate", name: "true retention", color: "var(--chart-primary)", kind: "line" }]}
        references={[{ y: r.desired, label: `target ${pct(r.desired)}` }]}
      />
    </ChartFigure>
  );
}

export function DistributionCharts({ stats }: { stats: Stats }) {
  const d = stats.distributions;
  const any = stats.reviewedCards > 0;
  const empty = any ? undefined : "No reviewed cards yet.";
  const chart = (id: string, title: string, definition: string, xLabel: string, buckets: Stats["distributions"]["stability"]) => (
    <ChartFigure
      id={id}
      title={title}
      definition={definition}
      empty={empty}
      table={{ columns: [xLabel, "cards"], rows: buckets.map((b) => [b.bucket, b.count]) }}
    >
      <XYChart
        label={title}
        data={buckets.map((b) => ({ bucket: b.bucket, cards: b.count }))}
        x="bucket"
        xLabel={xLabel}
        yLabel="cards"
        height={200}
        series={[{ key: "cards", name: "cards", color: "var(--chart-primary)" }]}
      />
    </ChartFigure>
  );
  return (
    <div className="grid gap-8 md:grid-cols-3">
      {chart("stability", "Stability", "Days until predicted recall falls to 90%, per reviewed card.", "stability (days)", d.stability)}
      {chart("difficulty", "Difficulty", "FSRS difficulty, 1 (easy) to 10 (hard), per reviewed card.", "difficulty", d.difficulty)}
      {chart("retrievability", "Recall now", "Predicted recall today, per reviewed card (a card seen today is at 100%).", "predicted recall", d.retrievability)}
    </div>
  );
}

const STATES = ["new", "learning", "review", "relearning"] as const;

export function ButtonCharts({ stats }: { stats: Stats }) {
  const chart = (source: "review" | "quiz") => {
    const by = stats.buttonsByState[source];
    const rows = STATES.map((s) => ({ state: s, again: by[s][0], hard: by[s][1], good: by[s][2], easy: by[s][3] }));
    const total = rows.reduce((n, r) => n + r.again + r.hard + r.good + r.easy, 0);
    const title = source === "review" ? "Review answers by card state" : "Quiz answers by card state";
    return (
      <ChartFigure
        id={`buttons-${source}`}
        title={title}
        definition={`${source === "review" ? "Buttons pressed on the review screen" : "Ratings quizzes gave (wrong = Again; right = Easy, Good or Hard by speed)"}, last 30 days, by the card's state before the answer.`}
        empty={total === 0 ? (source === "review" ? "No reviews in the last 30 days." : "No quiz answers in the last 30 days: take a quiz.") : undefined}
        table={{ columns: ["card state", "Again", "Hard", "Good", "Easy"], rows: rows.map((r) => [r.state, r.again, r.hard, r.good, r.easy]) }}
      >
        <XYChart label={title} data={rows} x="state" xLabel="card state before the answer" yLabel="answers" height={220} series={RATING_SERIES} />
      </ChartFigure>
    );
  };
  return (
    <div className="grid gap-8 md:grid-cols-2">
      {chart("review")}
      {chart("quiz")}
    </div>
  );
}

export function HeatmapFigure({ stats }: { stats: Stats }) {
  const active = stats.heatmap.filter((d) => d.count > 0);
  return (
    <ChartFigure
      id="heatmap"
      title="Answers over the past year"
      definition="One square per study day; darker means more answers (both sources)."
      table={{ columns: ["day", "answers"], rows: active.length === 0 ? [["no answers in the past year", 0]] : active.map((d) => [longDay(d.day), d.count]) }}
    >
      <Heatmap days={stats.heatmap} />
    </ChartFigure>
  );
}
