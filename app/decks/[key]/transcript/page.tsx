// The talk's transcript, with the passage a card quotes highlighted
// (/decks/<key>/transcript?highlight=<passage>#passage).
import Link from "next/link";
import { notFound } from "next/navigation";
import { transcriptView } from "@/lib/content/transcript";

export const dynamic = "force-dynamic";

export default async function TranscriptPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ highlight?: string | string[] }>;
}) {
  const { key } = await params;
  const h = (await searchParams).highlight;
  const view = transcriptView(process.env.CONTENT_DIR ?? "content", key, typeof h === "string" ? h.slice(0, 5000) : null);
  if (!view) notFound();
  let first = true;
  return (
    <article className="space-y-4">
      <header>
        <p className="text-sm text-stone-500">
          <Link href="/" className="underline">
            Decks
          </Link>{" "}
          · transcript
        </p>
        <h1 className="text-xl font-semibold">{view.title}</h1>
        {h && !view.found && <p className="mt-2 text-sm text-amber-700">That passage is no longer in the transcript.</p>}
      </header>
      <div className="space-y-4 leading-relaxed">
        {view.paragraphs.map((p, i) => (
          <p key={i}>
            {p.runs.map((r, j) => {
              if (!r.marked) return <span key={j}>{r.text}</span>;
              const id = first ? "passage" : undefined;
              first = false;
              return (
                <mark key={j} id={id} data-testid="highlight" className="scroll-mt-24 rounded bg-amber-200 px-0.5 dark:bg-amber-700/60 dark:text-white">
                  {r.text}
                </mark>
              );
            })}
          </p>
        ))}
      </div>
    </article>
  );
}
