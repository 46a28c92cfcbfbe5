// Anki-style comparison of a typed answer with the expected one, on two
// aligned rows: what was typed, with text that is not in the answer struck
// through in red; and the answer, with the text the learner left out in green.
import type { DiffSegment } from "@/lib/grade";

export function TypedDiff({ segments }: { segments: DiffSegment[] }) {
  const typedEmpty = !segments.some((s) => s.op !== "insert");
  return (
    <div className="grid grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1" data-testid="typed-diff">
      <span className="text-sm text-stone-500">You typed</span>
      <span className="font-mono text-lg break-words whitespace-pre-wrap">
        {typedEmpty ? (
          <span className="font-sans text-base text-stone-500 italic">nothing</span>
        ) : (
          segments.map((s, i) =>
            s.op === "equal" ? (
              <span key={i}>{s.text}</span>
            ) : s.op === "delete" ? (
              <del key={i} className="rounded-sm bg-red-100 text-red-700 decoration-2 dark:bg-red-950 dark:text-red-300">
                <span className="sr-only">(extra: </span>
                {s.text}
                <span className="sr-only">)</span>
              </del>
            ) : null,
          )
        )}
      </span>
      <span className="text-sm text-stone-500">Answer</span>
      <span className="font-mono text-lg break-words whitespace-pre-wrap">
        {segments.map((s, i) =>
          s.op === "equal" ? (
            <span key={i}>{s.text}</span>
          ) : s.op === "insert" ? (
            <ins key={i} className="rounded-sm bg-green-100 text-green-800 no-underline dark:bg-green-950 dark:text-green-300">
              <span className="sr-only">(missing: </span>
              {s.text}
              <span className="sr-only">)</span>
            </ins>
          ) : null,
        )}
      </span>
    </div>
  );
}
