// The files a deck author writes next to the talk (see content/README.md).
import { z } from "zod";

const text = z.string().trim().min(1, "must not be empty");
const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, -)");

export const deckMetaSchema = z.object({ key, title: text, source: text }).strict();

const methodSchema = z
  .object({ key, name: text, what: text, signal: text, purpose: text.optional(), steps: z.array(text).min(2).optional(), quote: text })
  .strict();

export const pipelineSchema = z
  .object({
    stages: z
      .array(
        z
          .object({
            key,
            name: text,
            order: z.number().int().positive(),
            what: text,
            signal: text,
            purpose: text,
            quote: text,
            methods: z.array(methodSchema).optional(),
          })
          .strict(),
      )
      .min(2),
  })
  .strict();

/** `covers:` names the items (term:, takeaway:, tldr:, stage:, method:) a question also tests, for coverage. */
const itemKey = z.string().regex(/^(term|takeaway|tldr|stage|method):[a-z0-9-]+$/, "must be an item key such as takeaway:charitable-interpretation");
const questionBase = {
  key,
  topic: z.enum(["vocabulary", "takeaways", "pipeline"]),
  prompt: text,
  explanation: text,
  quote: text,
  covers: z.array(itemKey).optional(),
};

export const questionSchema = z.discriminatedUnion("type", [
  z.object({ ...questionBase, type: z.literal("short"), answer: text, accept: z.array(text).optional() }).strict(),
  z.object({ ...questionBase, type: z.literal("true-false"), answer: z.boolean() }).strict(),
  z.object({ ...questionBase, type: z.literal("multiple-choice"), answer: text, options: z.array(text).length(3, "needs exactly 3 wrong options") }).strict(),
]);

export const questionsSchema = z.object({ questions: z.array(questionSchema).min(1) }).strict();

/** clozes.yaml: item key (e.g. takeaway:charitable-interpretation) → the phrase its cloze hides. */
/** An entry is the phrase, or { phrase, accept: [other answers that are right] }. */
const clozeEntry = z.union([text, z.object({ phrase: text, accept: z.array(text).min(1) }).strict()]);
export const clozesSchema = z
  .object({ clozes: z.record(z.string().regex(/^(takeaway|tldr):[a-z0-9-]+$/, "must be a takeaway: or tldr: item key"), clozeEntry) })
  .strict();

/** evidence.yaml: item key (term:, takeaway:, tldr:) → the transcript passage that supports it, verbatim. */
export const evidenceSchema = z
  .object({ evidence: z.record(z.string().regex(/^(term|takeaway|tldr):[a-z0-9-]+$/, "must be a term:, takeaway: or tldr: item key"), text) })
  .strict();

export type DeckMeta = z.infer<typeof deckMetaSchema>;
export type Pipeline = z.infer<typeof pipelineSchema>;
export type Stage = Pipeline["stages"][number];
export type Method = NonNullable<Stage["methods"]>[number];
export type AuthoredQuestion = z.infer<typeof questionSchema>;
