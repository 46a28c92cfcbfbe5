// Reads one deck folder (content/<name>/) into items and diagnostics. The only
// file-reading code of lib/content; the parsers it calls are pure.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseTalk } from "./parse-talk";
import { parseYaml } from "./parse-yaml";
import { clozesSchema, deckMetaSchema, evidenceSchema, pipelineSchema, questionsSchema, type DeckMeta } from "./authored-schema";
import { evidenceIndex, findEvidence, isQuestionOnly } from "./evidence";
import { collapse } from "./text";
import { normalizeAnswer } from "../grade";
import type { Diagnostic } from "./types";
import type { ContentItem, DeckContent, Source } from "./items";

export function listDeckDirs(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && !e.name.startsWith("_"))
    .map((e) => path.join(contentDir, e.name))
    .sort();
}

export function loadDeck(dir: string): DeckContent {
  const diagnostics: Diagnostic[] = [];
  const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)) || f;
  const meta = readMeta(dir, rel, diagnostics);
  const items: ContentItem[] = [];

  const talkFile = path.join(dir, meta.source);
  const talk = existsSync(talkFile) ? parseTalk(readFileSync(talkFile, "utf8"), rel(meta.source)) : null;
  if (!talk) diagnostics.push({ file: rel("deck.yaml"), line: 1, severity: "error", message: `source file ${meta.source} not found` });
  else {
    diagnostics.push(...talk.diagnostics);
    const src = (line: number, quote: string): Source => ({ file: rel(meta.source), line, quote });
    for (const it of talk.items) {
      if (it.kind === "term") {
        const head = it.expansion ? `${it.term} (${it.expansion})` : it.term;
        items.push({
          kind: "term",
          key: it.key,
          topic: "vocabulary",
          term: it.term,
          expansion: it.expansion,
          definition: it.definition,
          source: src(it.line, it.raw ?? `${head} — ${it.definition}`),
        });
      } else if (it.kind === "takeaway") {
        items.push({ kind: "takeaway", key: it.key, topic: "takeaways", title: it.title, text: it.text, source: src(it.line, `${it.title}: ${it.text}`) });
      } else {
        items.push({ kind: "tldr", key: it.key, topic: "takeaways", text: it.text, source: src(it.line, it.text) });
      }
    }
  }

  // Authored quotes must be verbatim transcript text (whitespace aside), so
  // every card stays traceable to the talk.
  const transcript = collapse(talk?.transcript ?? "");
  const checkQuote = (file: string, line: number, quote: string) => {
    if (talk && !transcript.includes(collapse(quote))) {
      diagnostics.push({ file, line, severity: "error", message: `quote is not in the transcript: "${collapse(quote).slice(0, 70)}…"` });
    } else if (isQuestionOnly(collapse(quote))) {
      diagnostics.push({ file, line, severity: "error", message: `quote is only a question, which is not evidence: "${collapse(quote).slice(0, 70)}…"` });
    }
  };

  const pipeline = readAuthored(dir, "pipeline.yaml", rel, diagnostics, (text, file) => parseYaml(text, file, pipelineSchema));
  if (pipeline) {
    const { value, lineOf, file } = pipeline;
    const stages = [...value.stages].sort((a, b) => a.order - b.order);
    stages.forEach((s, i) => {
      const at = value.stages.indexOf(s);
      if (s.order !== i + 1)
        diagnostics.push({
          file,
          line: lineOf(["stages", at, "order"]),
          severity: "error",
          message: `stage orders must run 1..${stages.length} without gaps or repeats (found ${s.order})`,
        });
      checkQuote(file, lineOf(["stages", at, "quote"]), s.quote);
      items.push({
        kind: "stage",
        key: `stage:${s.key}`,
        topic: "pipeline",
        name: s.name,
        order: s.order,
        what: s.what,
        signal: s.signal,
        purpose: s.purpose,
        source: { file, line: lineOf(["stages", at]), quote: collapse(s.quote) },
      });
      (s.methods ?? []).forEach((m, j) => {
        checkQuote(file, lineOf(["stages", at, "methods", j, "quote"]), m.quote);
        items.push({
          kind: "method",
          key: `method:${m.key}`,
          topic: "pipeline",
          name: m.name,
          stage: s.key,
          what: m.what,
          signal: m.signal,
          purpose: m.purpose ?? s.purpose,
          steps: m.steps ?? [],
          source: { file, line: lineOf(["stages", at, "methods", j]), quote: collapse(m.quote) },
        });
      });
    });
    const first = stages[0];
    if (first) {
      items.push({
        kind: "pipeline",
        key: "pipeline:stages",
        topic: "pipeline",
        stages: stages.map((s) => s.name),
        source: { file, line: lineOf(["stages"]), quote: collapse(first.quote) },
      });
    }
  }

  const questions = readAuthored(dir, "questions.yaml", rel, diagnostics, (text, file) => parseYaml(text, file, questionsSchema));
  if (questions) {
    const { value, lineOf, file } = questions;
    value.questions.forEach((q, i) => {
      checkQuote(file, lineOf(["questions", i, "quote"]), q.quote);
      if (q.type === "multiple-choice") {
        // Distinct as the grader sees them: "RL-AIF" and "rlaif" are the same answer.
        const all = [q.answer, ...q.options].map(normalizeAnswer);
        if (new Set(all).size !== all.length)
          diagnostics.push({
            file,
            line: lineOf(["questions", i, "options"]),
            severity: "error",
            message: `options must be distinct and differ from the answer`,
          });
      }
      const { quote, key, ...rest } = q;
      items.push({ ...rest, key: `question:${key}`, kind: "question", source: { file, line: lineOf(["questions", i]), quote: collapse(quote) } });
    });
  }

  // Authored cloze phrases override the generator's choice for their item.
  const clozes = readAuthored(dir, "clozes.yaml", rel, diagnostics, (text, file) => parseYaml(text, file, clozesSchema));
  if (clozes) {
    const { value, lineOf, file } = clozes;
    for (const [key, entry] of Object.entries(value.clozes)) {
      const { phrase, accept } = typeof entry === "string" ? { phrase: entry, accept: [] } : entry;
      const item = items.find((i) => i.key === key);
      const line = lineOf(["clozes", key]);
      if (!item || (item.kind !== "takeaway" && item.kind !== "tldr"))
        diagnostics.push({ file, line, severity: "error", message: `no takeaway or TL;DR item with key ${key}` });
      else item.cloze = { phrase, accept, file, line };
    }
  }

  // Evidence for the talk's own items: the author's passage (evidence.yaml), else
  // the transcript passage that best supports the item; the summary line itself
  // only when the transcript never discusses it (a warning).
  const authoredEvidence = readAuthored(dir, "evidence.yaml", rel, diagnostics, (text, file) => parseYaml(text, file, evidenceSchema));
  const chosen = new Map<string, { quote: string; line: number; file: string }>();
  if (authoredEvidence) {
    const { value, lineOf, file } = authoredEvidence;
    for (const [key, quote] of Object.entries(value.evidence)) {
      const line = lineOf(["evidence", key]);
      if (!items.some((i) => i.key === key)) diagnostics.push({ file, line, severity: "error", message: `no term, takeaway or TL;DR item with key ${key}` });
      else {
        checkQuote(file, line, quote);
        chosen.set(key, { quote: collapse(quote), line, file });
      }
    }
  }
  if (talk) {
    const index = evidenceIndex(transcript);
    for (const it of items) {
      if (it.kind !== "term" && it.kind !== "takeaway" && it.kind !== "tldr") continue;
      const authored = chosen.get(it.key);
      if (authored && transcript.includes(authored.quote)) {
        it.source = { ...it.source, quote: authored.quote, evidence: "transcript" };
        continue;
      }
      const found = findEvidence(index, claimOf(it));
      if (found) it.source = { ...it.source, quote: found.text, evidence: "transcript" };
      else {
        it.source = { ...it.source, evidence: "summary" };
        diagnostics.push({
          file: it.source.file,
          line: it.source.line,
          severity: "warning",
          message: `the transcript never discusses ${it.key}; its cards show the summary line as their source`,
        });
      }
    }
  }

  for (const it of items) {
    if (it.kind !== "question") continue;
    for (const k of it.covers ?? []) {
      // Stages and methods are unknown when pipeline.yaml itself failed: that error is enough.
      if (!pipeline && /^(stage|method):/.test(k)) continue;
      if (!items.some((o) => o.key === k))
        diagnostics.push({ file: it.source.file, line: it.source.line, severity: "error", message: `${it.key} covers ${k}, which is no item of this deck` });
    }
  }

  // Authored quotes (pipeline.yaml, questions.yaml) are checked transcript text.
  for (const it of items) if (!it.source.evidence) it.source = { ...it.source, evidence: "transcript" };

  const seen = new Map<string, Source>();
  for (const it of items) {
    const prev = seen.get(it.key);
    if (prev)
      diagnostics.push({
        file: it.source.file,
        line: it.source.line,
        severity: "error",
        message: `duplicate key ${it.key} (first at ${prev.file}:${prev.line})`,
      });
    else seen.set(it.key, it.source);
  }
  return { dir, meta, talk, pipeline: pipeline?.value ?? null, items, diagnostics };
}

function readMeta(dir: string, rel: (f: string) => string, diagnostics: Diagnostic[]): DeckMeta {
  const file = path.join(dir, "deck.yaml");
  if (existsSync(file)) {
    const r = parseYaml(readFileSync(file, "utf8"), rel("deck.yaml"), deckMetaSchema);
    diagnostics.push(...r.diagnostics);
    if (r.value) return r.value;
  }
  // A talk dropped in without deck.yaml still becomes a deck: key from the
  // folder name, source from its only .txt file.
  const name = path.basename(dir);
  const txt = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".txt")) : [];
  if (!existsSync(file) && txt.length !== 1) {
    diagnostics.push({
      file: rel("deck.yaml"),
      line: 1,
      severity: "error",
      message: `no deck.yaml and ${txt.length} .txt files; add deck.yaml naming the source`,
    });
  }
  return { key: name, title: name, source: txt[0] ?? "talk.txt" };
}

function readAuthored<T>(
  dir: string,
  name: string,
  rel: (f: string) => string,
  diagnostics: Diagnostic[],
  parse: (text: string, file: string) => { value: T | null; diagnostics: Diagnostic[]; lineOf: (p: (string | number)[]) => number },
): { value: T; lineOf: (p: (string | number)[]) => number; file: string } | null {
  const full = path.join(dir, name);
  if (!existsSync(full)) return null;
  const r = parse(readFileSync(full, "utf8"), rel(name));
  diagnostics.push(...r.diagnostics);
  return r.value ? { value: r.value, lineOf: r.lineOf, file: rel(name) } : null;
}

/** What an item claims, to look for in the transcript. */
function claimOf(it: ContentItem): string {
  if (it.kind === "term") return `${it.term} ${it.expansion ?? ""} ${it.definition}`;
  if (it.kind === "takeaway") return `${it.title} ${it.text}`;
  return it.kind === "tldr" ? it.text : "";
}
