// THE layer order (docs/decisions/0002-layering.md), top to bottom. A file may
// import files of its own module and of any module in a LOWER tier; importing
// a module of the same tier or a higher one fails tests/unit/architecture/import-graph.test.ts,
// and so does any import cycle between files.
export const LAYERS: readonly (readonly string[])[] = [
  ["scripts", "app", "lib/web"], // entry points: npm scripts; routes, pages and components (parse, call, map); what proxy.ts applies to every request
  ["lib/api"], // zod schemas, DTOs, the error-to-HTTP mapper and the route wrapper
  ["lib/services"], // one function per use case, one transaction each, typed outcomes
  ["lib/db"], // connections, repositories (SQL and row mapping only), migrations
  ["lib/fsrs-fit"], // FSRS fitting and simulation: training items (pure), the binding and its worker, the workload simulator
  ["lib/stats", "lib/quiz", "lib/audit", "lib/browse", "lib/import"], // pure: statistics arithmetic; quiz building and grading; the content audit; the browser's search language; Anki history conversion
  ["lib/generate"], // pure: cards from content
  ["lib/content"], // pure: parsing and checking decks
  ["lib/grade", "lib/srs", "lib/lexicon"], // pure: grading typed answers; FSRS scheduling, the queue, study days, settings rules; WordNet lookups (read-only files)
];

/** Packages that open or speak to the database: only these modules may import them. */
export const DATABASE_PACKAGES = ["better-sqlite3", "@prisma/client", "@prisma/adapter-better-sqlite3"];
export const DATABASE_IMPORTERS = ["lib/db", "scripts"];
