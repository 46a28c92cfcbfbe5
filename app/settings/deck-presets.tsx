"use client";
// Deck presets (like Anki's): a deck may have its own desired retention and
// FSRS parameters; empty means the global setting above.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/app/api-client";

export type DeckPresetView = { key: string; title: string; desiredRetention: number | null; weights: number[] | null };

const input =
  "h-9 w-24 rounded-md border border-stone-300 bg-white px-2 text-stone-900 aria-[invalid=true]:border-red-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100";
const small = "rounded-md border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-50 disabled:opacity-60 dark:border-stone-700 dark:bg-stone-900";

async function put(key: string, body: { desiredRetention: number | null; weights: number[] | null }): Promise<string | null> {
  const r = await callApi(`/api/v1/decks/${encodeURIComponent(key)}/preset`, body, "PUT");
  if (r.ok) return null;
  // The first field's own message ("must be between 0.70 and 0.99") says more than the summary.
  const fields = (r.details as { fieldErrors?: Record<string, string[]> } | null)?.fieldErrors;
  return Object.values(fields ?? {})[0]?.[0] ?? r.message;
}

function Row({ deck, globalRetention }: { deck: DeckPresetView; globalRetention: number }) {
  const router = useRouter();
  const [value, setValue] = useState(deck.desiredRetention === null ? "" : String(deck.desiredRetention));
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(body: { desiredRetention: number | null; weights: number[] | null }, done: string) {
    setBusy(true);
    const error = await put(deck.key, body);
    setBusy(false);
    setStatus(error ? { text: `Not saved: ${error}`, error: true } : { text: done, error: false });
    if (!error) router.refresh();
  }

  const id = `preset-${deck.key}`;
  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <label htmlFor={id} className="min-w-40 flex-1 text-sm font-medium">
        {deck.title}
      </label>
      <input
        id={id}
        type="number"
        step="0.01"
        min="0.7"
        max="0.99"
        inputMode="decimal"
        placeholder={String(globalRetention)}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={status?.error ? true : undefined}
        aria-describedby={`${id}-status`}
        className={input}
      />
      <button
        type="button"
        className={small}
        disabled={busy}
        onClick={() =>
          save(
            { desiredRetention: value.trim() === "" ? null : Number(value), weights: deck.weights },
            value.trim() === "" ? "Uses the global desired retention." : `Desired retention ${value} for this deck.`,
          )
        }
      >
        Save
      </button>
      <span className="text-xs text-stone-600 dark:text-stone-400">{deck.weights ? "own parameters" : "global parameters"}</span>
      {deck.weights && (
        <button
          type="button"
          className={small}
          disabled={busy}
          onClick={() => save({ desiredRetention: deck.desiredRetention, weights: null }, "Uses the global parameters.")}
        >
          Use global parameters
        </button>
      )}
      <p
        id={`${id}-status`}
        role="status"
        aria-live="polite"
        className={`w-full text-xs ${status?.error ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}
      >
        {status?.text}
      </p>
    </li>
  );
}

export function DeckPresets({ decks, globalRetention }: { decks: DeckPresetView[]; globalRetention: number }) {
  if (decks.length === 0) return null;
  return (
    <section aria-labelledby="presets-heading" className="mt-10 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
      <h2 id="presets-heading" className="text-lg font-semibold">
        Deck presets
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        A deck may keep its own desired retention (0.70–0.99) and parameters; empty uses the global setting ({globalRetention}). Answers, the buttons’ intervals
        and rescheduling use the deck’s preset.
      </p>
      <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
        {decks.map((d) => (
          <Row key={d.key} deck={d} globalRetention={globalRetention} />
        ))}
      </ul>
    </section>
  );
}
