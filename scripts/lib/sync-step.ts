// content:check and content:sync, shared by `npm start`, the CLI and the e2e server.
import { buildAllDecks, formatDiagnostic, hasErrors, type BuiltDeck } from "../../lib/generate/build-deck";
import { syncDeck } from "../../lib/db/sync";
import { db } from "../../lib/db/client";

export function checkContent(contentDir: string, { verbose = false } = {}): { ok: boolean; decks: BuiltDeck[] } {
  const decks = buildAllDecks(contentDir);
  const all = decks.flatMap((d) => d.diagnostics);
  for (const d of all) if (verbose || d.severity === "error") console.error(formatDiagnostic(d));
  const errors = all.filter((d) => d.severity === "error").length;
  if (verbose || errors > 0) {
    console.error(
      `content: ${decks.length} deck(s), ${decks.reduce((n, d) => n + d.cards.length, 0)} cards, ${errors} error(s), ${all.length - errors} warning(s)`,
    );
  }
  return { ok: !hasErrors(all) && decks.length > 0, decks };
}

/** Checks all content, then syncs it; refuses to write anything if the check fails. */
export async function syncContentOrExit(contentDir = process.env.CONTENT_DIR ?? "content"): Promise<void> {
  const { ok, decks } = checkContent(contentDir);
  if (!ok) {
    console.error(
      `cardinal: content check failed${decks.length === 0 ? ` (no decks in ${contentDir}/)` : ""}; nothing was written. Fix the lines above (npm run content -- check)`,
    );
    process.exit(1);
  }
  const tty = process.stdout.isTTY;
  for (const [i, deck] of decks.entries()) {
    if (tty) process.stdout.write(`content: syncing ${deck.content.meta.key} (${i + 1}/${decks.length})…\r`);
    const c = await syncDeck(deck, new Date());
    if (tty) process.stdout.write("\x1b[2K");
    console.log(`content: ${c.deck}: ${c.added} added, ${c.updated} updated, ${c.retired} retired, ${c.unchanged} unchanged`);
  }
  await db().$disconnect();
}
