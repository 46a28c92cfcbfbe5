// Flagging a bad card: saved once per card, refused for unknown cards and bad
// reasons, and listed for the author with the content file and line.
import { describe, it, expect, beforeAll } from "vitest";
import { DELETE, POST } from "@/app/api/v1/cards/[id]/flag/route";
import { GET as getQueue } from "@/app/api/v1/queue/route";
import { POST as undo } from "@/app/api/v1/reviews/undo/route";
import { flagReports } from "@/lib/db/flags";
import { sqlite } from "@/lib/db/sqlite";
import { idCtx, jsonRequest, seedDeck } from "../helpers/seed";

const NOW = new Date("2026-03-10T15:00:00Z");
const flag = (id: number | string, body: unknown) => POST(jsonRequest(`/api/v1/cards/${id}/flag`, body), idCtx(String(id)));
let cardId = 0;

beforeAll(async () => {
  await seedDeck(NOW);
  cardId = sqlite().prepare(`SELECT id FROM Card ORDER BY id LIMIT 1`).pluck().get() as number;
}, 120_000);

describe("flags", () => {
  it("a flag is stored, replaced by a second one, listed for the author, and removed", async () => {
    expect((await flag(cardId, { reason: "typo", note: "“aligment”" })).status).toBe(200);
    expect((await flag(cardId, { reason: "ambiguous", note: "two terms fit" })).status).toBe(200);
    const reports = flagReports();
    expect(reports).toHaveLength(1);
    const note = sqlite().prepare(`SELECT n.key, n.sourceLine FROM Card c JOIN Note n ON n.id = c.noteId WHERE c.id = ?`).get(cardId) as {
      key: string;
      sourceLine: number;
    };
    expect(reports[0]).toMatchObject({ cardId, deck: "claude-character", noteKey: note.key, reason: "ambiguous", note: "two terms fit" });
    expect(reports[0]!.source).toMatch(/^content\/claude-character\/[\w.-]+:\d+$/);
    const res = await DELETE(new Request(`http://localhost/api/v1/cards/${cardId}/flag`, { method: "DELETE" }), idCtx(String(cardId)));
    expect(res.status).toBe(200);
    expect(flagReports()).toEqual([]);
  });

  it("refuses an unknown card (404) and a bad reason (400), writing nothing", async () => {
    expect((await flag(999_999, { reason: "typo" })).status).toBe(404);
    expect((await flag(cardId, { reason: "boring" })).status).toBe(400);
    expect((await flag("abc", { reason: "typo" })).status).toBe(400);
    expect(flagReports()).toEqual([]);
  });

  it("the review queue sends each card's flag; undoing a flag sends the card back without it", async () => {
    type Shown = { id: number; flag: { reason: string; note: string } | null };
    const queue = async () => ((await (await getQueue(new Request("http://localhost/api/v1/queue?limit=10"))).json()) as { cards: Shown[] }).cards;
    const first = (await queue())[0]!;
    expect(first.flag).toBeNull();
    const sessionId = "flag-session-1";
    expect((await flag(first.id, { reason: "wrong", note: "the date", sessionId })).status).toBe(200);
    expect((await queue()).find((c) => c.id === first.id)?.flag).toEqual({ reason: "wrong", note: "the date" });

    const res = await undo(jsonRequest("/api/v1/reviews/undo", { sessionId }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { undone: { kind: string }; card: Shown | null; queue: { cards: Shown[] } };
    expect(body.undone.kind).toBe("flag");
    // A flag's undo gives no card to put first (the card is still where it was); the reply's queue has it, unflagged.
    expect(body.card).toBeNull();
    expect(body.queue.cards.find((c) => c.id === first.id)?.flag).toBeNull();
    expect((await queue()).find((c) => c.id === first.id)?.flag).toBeNull();
  });
});
