import Link from "next/link";
import { notFound } from "next/navigation";
import { getCardDetail } from "@/lib/db/card-detail";
import { getSettings } from "@/lib/services/settings";
import { recallAfter, retrievability, studyDayOf, daysBetween } from "@/lib/srs";
import { cardDto } from "@/lib/api/review-dto";
import { ratingLabel } from "@/lib/srs/ratings";
import { idParam } from "@/lib/api/schemas";
import { LineChart } from "@/app/components/charts/line-chart";

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
  const rNow = retrievability(card, settings, now);
  const elapsed = card.last_review ? Math.max(0, daysBetween(studyDayOf(card.last_review, settings.timezone, settings.dayStartHour), studyDayOf(now, settings.timezone, settings.dayStartHour))) : 0;
  const span = Math.max(30, Math.ceil(card.stability * 3), elapsed + 5);
  const step = Math.max(1, Math.ceil(span / 60));
  const points = card.stability > 0 ? Array.from({ length: Math.floor(span / step) + 1 }, (_, i) => ({ x: i * step, y: recallAfter(i * step, card.stability, settings) })) : [];

  return (
    <article className="space-y-8">
      <header className="space-y-1">
        <p className="text-sm text-stone-500">
          <Link href={`/progress?deck=${encodeURIComponent(deck.key)}`} className="underline">{deck.title}</Link> · {note.topic} · {card.kind}
        </p>
        <h1 className="text-xl font-semibold" data-testid="card-prompt">{shown.prompt}</h1>
        <p>
          <span className="text-stone-500">Answer: </span>
          {shown.items ? shown.items.join(" → ") : shown.answer}
        </p>
      </header>

      <blockquote className="border-l-4 border-red-700 pl-4 italic">
        “{note.sourceQuote}”
        <footer className="mt-1 text-xs not-italic text-stone-500">{shown.source.file}:{shown.source.line}</footer>
      </blockquote>

      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div><dt className="text-stone-500">State</dt><dd>{STATE[card.state]}{card.suspended ? " · suspended" : ""}{card.leech ? " · leech" : ""}{card.retired ? " · retired" : ""}</dd></div>
        <div><dt className="text-stone-500">Due</dt><dd>{fmt(card.due, settings.timezone)}</dd></div>
        <div><dt className="text-stone-500">Stability</dt><dd>{card.stability.toFixed(2)} d</dd></div>
        <div><dt className="text-stone-500">Difficulty</dt><dd>{card.difficulty.toFixed(2)}</dd></div>
        <div><dt className="text-stone-500">Recall now</dt><dd>{card.state === 0 ? "—" : `${(rNow * 100).toFixed(1)}%`}</dd></div>
        <div><dt className="text-stone-500">Reviews</dt><dd>{card.reps}</dd></div>
        <div><dt className="text-stone-500">Lapses</dt><dd>{card.lapses}</dd></div>
      </dl>

      <section aria-labelledby="curve-h">
        <h2 id="curve-h" className="mb-2 text-lg font-medium">Forgetting curve</h2>
        {points.length === 0 ? (
          <p className="text-sm">No curve yet: this card has not been reviewed.</p>
        ) : (
          <LineChart title={`Probability of recall, stability ${card.stability.toFixed(1)} days`} points={points} xLabel="days since last review" yLabel="recall" marker={{ x: elapsed, y: rNow }} />
        )}
      </section>

      <section aria-labelledby="hist-h">
        <h2 id="hist-h" className="mb-2 text-lg font-medium">History</h2>
        {history.length === 0 ? (
          <p className="text-sm">Not answered yet. <Link className="underline" href={`/review?deck=${encodeURIComponent(deck.key)}`}>Review this deck</Link>.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="history">
            <thead>
              <tr className="border-b border-stone-300 dark:border-stone-700">
                <th scope="col">date</th><th scope="col">source</th><th scope="col">rating</th><th scope="col">interval</th><th scope="col">stability</th><th scope="col">difficulty</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={`${h.reviewedAt.getTime()}-${h.source}-${h.rating}`}>
                  <td>{fmt(h.reviewedAt, settings.timezone)}</td>
                  <td>{h.source}</td>
                  <td>{ratingLabel(h.rating)}</td>
                  <td>{h.scheduledDays > 0 ? `${h.scheduledDays} d` : `${Math.max(1, Math.round((h.due.getTime() - h.reviewedAt.getTime()) / 60_000))} min`}</td>
                  <td>{h.stability.toFixed(2)}</td>
                  <td>{h.difficulty.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
