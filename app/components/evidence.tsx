// "From the transcript": the passage that supports a card's answer, with a link
// that opens the deck's transcript at that passage. When the transcript never
// discusses the item, the card says so and shows the summary line as written.
// Never a file path: learners read the talk, not the repository.
import Link from "next/link";

export type EvidenceSource = { quote: string; evidence?: "transcript" | "summary"; deck?: string };

export function transcriptHref(deck: string, quote: string): string {
  return `/decks/${encodeURIComponent(deck)}/transcript?highlight=${encodeURIComponent(quote)}#passage`;
}

export function Evidence({ source, quoteTestId = "evidence-quote" }: { source: EvidenceSource; quoteTestId?: string }) {
  if (!source.quote) return null;
  const summary = source.evidence === "summary";
  return (
    <figure
      className="rounded-r-lg border-l-4 border-stone-300 bg-stone-100/70 py-2 pr-3 pl-4 dark:border-stone-600 dark:bg-stone-800/50"
      data-testid="evidence"
    >
      <figcaption className="mb-1 text-xs font-medium tracking-wide text-stone-500 uppercase">
        {summary ? "Not discussed in the transcript — from the talk's summary" : "From the transcript"}
      </figcaption>
      <blockquote className="whitespace-pre-line text-stone-700 italic dark:text-stone-300" data-testid={quoteTestId}>
        “{source.quote}”
      </blockquote>
      {!summary && source.deck && (
        <p className="mt-1 text-xs">
          <Link href={transcriptHref(source.deck, source.quote)} className="underline" target="_blank" data-testid="open-transcript">
            Open in the transcript
          </Link>
        </p>
      )}
    </figure>
  );
}
