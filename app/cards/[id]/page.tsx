import Link from "next/link";
import { Evidence } from "@/app/components/evidence";
import { notFound } from "next/navigation";
import { getCardDetail } from "@/lib/db/card-detail";
import { getSettings } from "@/lib/services/settings";
import { cardRecall } from "@/lib/stats/card-recall";
import { cardDto } from "@/lib/api/review-dto";
import { ratingLabel } from "@/lib/srs/ratings";
import { idParam } from "@/lib/api/schemas";
import { ChartFigure } from "@/app/components/charts/chart-figure";
import { CurveChart } from "@/app/components/charts/curve-chart";
import { FlagButton } from "@/app/components/flag-button";
import { getFlag } from "@/lib/services/flags";
import { CardActions } from "./card-actions";

export const dynamic = "force-dynamic";

const STATE = ["new", "learning", "review", "relearning"];
const fmt = (d: Date, tz: string) => d.toLocaleString("en-GB", { timeZone: tz, dateStyle: "medium", timeStyle: "short" });

export default async function CardPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await params).id);
  const detail = id.success ? getCardDetail(id.data) : null;
  if (!detail) notFound();
  const { card, deck, note, history } = detail;
  const settings = getSettings();
  const now = new Date();
  const shown = cardDto(card);
  const last = history.at(-1) ?? null;
  const recall = cardRecall(card, last?.rating ?? null, settings, now);
  const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
  const dueLabel = `due ${card.due.toLocaleDateString("en-GB", { timeZone: settings.timezone, day: "numeric", month: "short" })}`;

  return (
    <article className="space-y-8">
      <header className="space-y-1">
        <p className="text-sm text-stone-500">
          <Link href={`/progress?deck=${encodeURIComponent(deck.key)}`} className="underline">
            {deck.title}
          </Link>{" "}
          · {note.topic} · {card.kind}
        </p>
        <h1 className="text-xl font-semibold" data-testid="card-prompt">
          {shown.prompt}
        </h1>
        <p>
          <span className="text-stone-500">Answer: </span>
          {shown.items ? shown.items.join(" → ") : shown.answer}
        </p>
      </header>

      <FlagButton cardId={card.id} initial={getFlag(card.id)} />

      <Evidence source={{ ...shown.source, quote: shown.source.quote || note.sourceQuote, deck: deck.key }} />

      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-stone-500">State</dt>
          <dd>
            {STATE[card.state]}
            {card.suspended ? " · suspended" : ""}
            {card.leech ? " · leech" : ""}
            {card.retired ? " · retired" : ""}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">Due</dt>
          <dd>{fmt(card.due, settings.timezone)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Stability</dt>
          <dd>{card.stability.toFixed(2)} d</dd>
        </div>
        <div>
          <dt className="text-stone-500">Difficulty</dt>
          <dd>{card.difficulty.toFixed(2)}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Predicted recall</dt>
          <dd data-testid="card-recall">{pct(recall.recall)}</dd>
          <dd className="text-xs text-stone-500">as of tomorrow at the earliest</dd>
        </div>
        <div>
          <dt className="text-stone-500">In 30 days</dt>
          <dd>{pct(recall.recallAtHorizon)}</dd>
          <dd className="text-xs text-stone-500" data-testid="card-mastered">
            {recall.elapsedDays === null
              ? "not studied yet"
              : recall.mastered
                ? "mastered"
                : last?.rating === 1
                  ? "not mastered: last answer was Again"
                  : "not mastered yet"}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">Reviews</dt>
          <dd>{card.reps}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Lapses</dt>
          <dd>{card.lapses}</dd>
        </div>
        {card.buriedUntil && card.buriedUntil > now && (
          <div>
            <dt className="text-stone-500">Buried until</dt>
            <dd>{fmt(card.buriedUntil, settings.timezone)}</dd>
          </div>
        )}
      </dl>

      {!card.retired && <CardActions cardId={card.id} suspended={card.suspended} buried={card.buriedUntil !== null && card.buriedUntil > now} />}

      <section aria-labelledby="curve-h">
        <h2 id="curve-h" className="mb-2 text-lg font-medium">
          Forgetting curve
        </h2>
        {recall.curve.length === 0 ? (
          <p className="text-sm">No curve yet: this card has not been reviewed.</p>
        ) : (
          <ChartFigure
            id="curve"
            title={`Predicted recall, stability ${card.stability.toFixed(card.stability < 1 ? 2 : 1)} days`}
            definition={`FSRS's forgetting curve for this card, by whole study days since its last review; the dot is today, the dashed line its next due date, the horizontal line your desired retention (${Math.round(settings.desiredRetention * 100)}%).`}
            table={{
              columns: ["days since last review", "predicted recall", ""],
              rows: recall.curve.map((p) => [p.day, pct(p.recall), p.day === recall.elapsedDays ? "today" : p.day === recall.dueDay ? "due" : ""]),
            }}
          >
            <CurveChart
              label="Predicted recall by days since the last review"
              points={recall.curve}
              today={recall.elapsedDays ?? 0}
              due={recall.dueDay}
              dueLabel={dueLabel}
              target={settings.desiredRetention}
            />
          </ChartFigure>
        )}
      </section>

      <section aria-labelledby="hist-h">
        <h2 id="hist-h" className="mb-2 text-lg font-medium">
          History
        </h2>
        {history.length === 0 ? (
          <p className="text-sm">
            Not answered yet.{" "}
            <Link className="underline" href={`/review?deck=${encodeURIComponent(deck.key)}`}>
              Review this deck
            </Link>
            .
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="history">
              <thead>
                <tr className="border-b border-stone-300 dark:border-stone-700">
                  <th scope="col">date</th>
                  <th scope="col">source</th>
                  <th scope="col">rating</th>
                  <th scope="col">interval</th>
                  <th scope="col">stability</th>
                  <th scope="col">difficulty</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={`${h.reviewedAt.getTime()}-${h.source}-${h.rating}`}>
                    <td>{fmt(h.reviewedAt, settings.timezone)}</td>
                    <td>{h.source}</td>
                    <td>{ratingLabel(h.rating)}</td>
                    <td>
                      {h.scheduledDays > 0 ? `${h.scheduledDays} d` : `${Math.max(1, Math.round((h.due.getTime() - h.reviewedAt.getTime()) / 60_000))} min`}
                    </td>
                    <td>{h.stability.toFixed(2)}</td>
                    <td>{h.difficulty.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
