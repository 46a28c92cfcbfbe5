// Placeholder until the content pipeline lands: make sure at least one deck
// exists so the home page has something to show.
import { db } from "../../lib/db/client";

export async function syncContentOrExit(): Promise<void> {
  const client = db();
  const n = await client.deck.count();
  if (n === 0) {
    await client.deck.create({ data: { key: "placeholder", title: "Placeholder deck", sourceFile: "" } });
    console.log("content: created a placeholder deck");
  }
  await client.$disconnect();
}
