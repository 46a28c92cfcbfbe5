// Anki's three numbers: new (blue), learning (red), review (green); the one
// the current card belongs to is underlined.
import type { QueueDto } from "@/lib/api/review-dto";

const BUCKETS = [
  { key: "new", label: "new", cls: "text-blue-600 dark:text-blue-400", decoration: "decoration-blue-600 dark:decoration-blue-400" },
  { key: "learning", label: "learning", cls: "text-red-600 dark:text-red-400", decoration: "decoration-red-600 dark:decoration-red-400" },
  { key: "review", label: "review", cls: "text-green-700 dark:text-green-400", decoration: "decoration-green-700 dark:decoration-green-400" },
] as const;

export function bucketOf(state: number): "new" | "learning" | "review" {
  return state === 0 ? "new" : state === 2 ? "review" : "learning";
}

export function CountsBar({
  counts,
  current,
  label = "Cards left today",
}: {
  counts: QueueDto["counts"];
  current: "new" | "learning" | "review" | null;
  label?: string;
}) {
  return (
    <ul className="flex items-baseline gap-4 tabular-nums" aria-label={label} data-testid="counts">
      {BUCKETS.map((b) => (
        <li key={b.key} className="flex items-baseline gap-1">
          <span
            className={`text-lg font-semibold ${b.cls} ${current === b.key ? `underline decoration-2 underline-offset-4 ${b.decoration}` : ""}`}
            data-testid={`count-${b.key}`}
          >
            {counts[b.key]}
          </span>
          <span className="text-xs text-stone-500">{b.label}</span>
        </li>
      ))}
    </ul>
  );
}
