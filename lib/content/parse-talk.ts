// Parser for the talk-document format. Pure: the caller passes the text and a file name.
//
// A talk file holds, in order:
//   1. optionally an UNHEADED copy of the material: TL;DR "- " bullets, a title line (e.g.
//      "What should an AI's personality be?"), "- Title: text" takeaways, a run-on vocabulary
//      line and the transcript line;
//   2. the HEADED copy: "TL;DR", "Takeaways", "Vocabulary" and "Transcript" heading lines,
//      each followed by the same material.
// The headed copy is the one returned; the unheaded copy is recognised as a duplicate and
// compared with it (disagreements are warnings). A section missing from the headed copy falls
// back to the unheaded one (warning); missing from both, it is an error. The title only
// exists in the unheaded copy (the first non-bullet line after its TL;DR bullets).
//
// Normalisation: item text has its line breaks and whitespace runs collapsed to single spaces
// (so a takeaway split across lines is joined with one space) and is otherwise verbatim — e.g.
// "RL-AIF(Reinforcement Learning from AI Feedback)" keeps its missing space in takeaway text.
// In the vocabulary, a definition whose last word is glued to a term name gets the space back
// ("often involvingRL-AIF." → "often involving RL-AIF."). The transcript is kept verbatim
// (lines joined with "\n", outer whitespace trimmed).
//
// The parser never throws; every piece of text it cannot place yields a diagnostic.
import { type Chunk, continues, groupBullets, parseTakeaways, parseTldr, type Report } from "./bullets";
import { collapse, headingKind, isBlank, isBullet, looksLikeHeading, preview, SECTION_NAMES, stripBullet } from "./text";
import type { Diagnostic, ParsedTalk, SectionKind, SourceLine, TakeawayItem, TalkItem, TermItem, TldrItem } from "./types";
import { parseVocabulary, startsWithTerm } from "./vocabulary";

const ORDER: readonly SectionKind[] = ["tldr", "takeaways", "vocabulary", "transcript"];

type Transcript = { text: string; line: number };

/** What one copy of the material (headed or unheaded) yields. */
type Copy = {
  tldr: TldrItem[];
  takeaways: TakeawayItem[];
  terms: TermItem[];
  transcript: Transcript | null;
};

function splitLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ line: i + 1, text: t }));
}

function transcriptOf(lines: readonly SourceLine[], report: Report): Transcript | null {
  const content = lines.filter((l) => !isBlank(l.text));
  const first = content[0];
  const last = content.at(-1);
  if (!first || !last) return null;
  for (const l of content.slice(1)) {
    if (looksLikeHeading(l.text)) {
      report(l.line, "warning", `Transcript: line ${preview(l.text)} looks like a heading; kept as transcript text`);
    }
  }
  const text = lines
    .filter((l) => l.line >= first.line && l.line <= last.line)
    .map((l) => l.text.trimEnd())
    .join("\n")
    .trim();
  return { text, line: first.line };
}

/**
 * The unheaded copy before the first heading: TL;DR bullets, a title line, takeaway bullets
 * (with continuation lines), vocabulary line(s), then the transcript.
 */
function parsePreamble(lines: readonly SourceLine[], report: Report, transcriptStart: string | null): Copy & { title: string | null } {
  let phase: "tldr" | "takeaways" | "vocabulary" | "transcript" = "tldr";
  let title: string | null = null;
  const tldr: Chunk[] = [];
  const takeaways: Chunk[] = [];
  const vocabulary: SourceLine[] = [];
  const transcript: SourceLine[] = [];

  for (const l of lines) {
    if (phase === "transcript") {
      transcript.push(l);
      continue;
    }
    if (isBlank(l.text)) continue;
    // The headed copy's first transcript line marks where the unheaded transcript starts.
    if (transcriptStart !== null && collapse(l.text) === transcriptStart) {
      phase = "transcript";
      transcript.push(l);
      continue;
    }
    if (phase === "tldr") {
      if (isBullet(l.text)) tldr.push({ parts: [{ line: l.line, text: stripBullet(l.text) }] });
      else if (continues(tldr.at(-1), l.text)) tldr.at(-1)?.parts.push(l);
      else if (startsWithTerm(l.text)) {
        phase = "vocabulary";
        vocabulary.push(l);
      } else {
        title = collapse(l.text);
        phase = "takeaways";
      }
      continue;
    }
    if (phase === "takeaways") {
      const last = takeaways.at(-1);
      if (isBullet(l.text)) takeaways.push({ parts: [{ line: l.line, text: stripBullet(l.text) }] });
      else if (continues(last, l.text)) last.parts.push(l);
      else if (startsWithTerm(l.text)) {
        phase = "vocabulary";
        vocabulary.push(l);
      } else if (tldr.length === 0 && takeaways.length === 0) {
        report(l.line, "error", `text before the first heading cannot be placed: ${preview(l.text)}`);
      } else {
        phase = "transcript";
        transcript.push(l);
      }
      continue;
    }
    // vocabulary
    const prev = vocabulary.at(-1);
    if (startsWithTerm(l.text) || (prev && !/[.!?]["'”’)\]]*\s*$/.test(prev.text))) vocabulary.push(l);
    else {
      phase = "transcript";
      transcript.push(l);
    }
  }

  return {
    title,
    tldr: parseTldr(tldr, report),
    takeaways: parseTakeaways(takeaways, report),
    terms: vocabulary.length > 0 ? parseVocabulary(vocabulary, report) : [],
    transcript: transcriptOf(transcript, report),
  };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 20);
  return `headed ${preview(a.slice(from, i + 40))} vs unheaded ${preview(b.slice(from, i + 40))}`;
}

/** Compare the headed copy (used) with the unheaded duplicate; report every disagreement. */
function compareCopies(
  kind: SectionKind,
  headed: readonly { key: string; line: number; label: string; value: string }[],
  unheaded: readonly { key: string; line: number; label: string; value: string }[],
  report: Report,
): void {
  const name = SECTION_NAMES[kind];
  const other = new Map(unheaded.map((u) => [u.key, u]));
  const mine = new Set(headed.map((h) => h.key));
  for (const h of headed) {
    const u = other.get(h.key);
    if (!u) {
      report(h.line, "warning", `${name}: ${h.label} is missing from the unheaded copy before the first heading`);
    } else if (collapse(u.value) !== collapse(h.value)) {
      report(
        h.line,
        "warning",
        `${name}: headed and unheaded copies disagree on ${h.label} (unheaded copy at line ${u.line}); using the headed copy: ${firstDifference(collapse(h.value), collapse(u.value))}`,
      );
    }
  }
  for (const u of unheaded) {
    if (!mine.has(u.key)) {
      report(u.line, "warning", `${name}: ${u.label} in the unheaded copy is not in the headed copy; ignored`);
    }
  }
}

function parseTalkUnsafe(source: string, file: string): ParsedTalk {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (line, severity, message) => diagnostics.push({ file, line: Math.max(1, Math.floor(line) || 1), severity, message });

  const lines = splitLines(source);
  const lastLine = lines.length;

  // Sections of the headed copy.
  const headings: { kind: SectionKind; line: number; index: number }[] = [];
  lines.forEach((l, index) => {
    const kind = headingKind(l.text);
    if (kind) headings.push({ kind, line: l.line, index });
  });
  const sections = new Map<SectionKind, { line: number; body: SourceLine[] }>();
  headings.forEach((h, i) => {
    const body = lines.slice(h.index + 1, headings[i + 1]?.index ?? lines.length);
    const first = sections.get(h.kind);
    if (first) {
      const content = body.filter((l) => !isBlank(l.text));
      const span = content.length > 0 ? ` (lines ${content[0]!.line}–${content.at(-1)!.line})` : "";
      report(h.line, "error", `duplicate ${SECTION_NAMES[h.kind]} heading (first at line ${first.line}); this section${span} is ignored`);
      return;
    }
    sections.set(h.kind, { line: h.line, body });
  });

  const body = (kind: SectionKind) => sections.get(kind)?.body ?? [];
  const headed: Copy = {
    tldr: parseTldr(groupBullets(body("tldr"), "TL;DR", report), report),
    takeaways: parseTakeaways(groupBullets(body("takeaways"), "Takeaways", report), report),
    terms: parseVocabulary(body("vocabulary"), report),
    transcript: transcriptOf(body("transcript"), report),
  };
  const transcriptStart = body("transcript").find((l) => !isBlank(l.text));
  const preamble = parsePreamble(lines.slice(0, headings[0]?.index ?? lines.length), report, transcriptStart ? collapse(transcriptStart.text) : null);

  const unheadedIsCopy = preamble.tldr.length + preamble.takeaways.length + preamble.terms.length > 0 || preamble.transcript !== null;
  const unheadedLine = (kind: SectionKind): number | null => {
    if (kind === "tldr") return preamble.tldr[0]?.line ?? null;
    if (kind === "takeaways") return preamble.takeaways[0]?.line ?? null;
    if (kind === "vocabulary") return preamble.terms[0]?.line ?? null;
    return preamble.transcript?.line ?? null;
  };

  /** Where a missing section was expected: the next section's heading, else the file's last line. */
  const expectedLine = (kind: SectionKind): number => {
    for (const later of ORDER.slice(ORDER.indexOf(kind) + 1)) {
      const s = sections.get(later);
      if (s) return s.line;
    }
    return lastLine;
  };

  /** Choose the headed copy of a section, falling back to the unheaded one. */
  function choose(kind: SectionKind, headedPresent: boolean, unheadedPresent: boolean): "headed" | "unheaded" | null {
    const name = SECTION_NAMES[kind];
    const heading = sections.get(kind);
    if (headedPresent) return "headed";
    const fallback = unheadedLine(kind);
    if (unheadedPresent && fallback !== null) {
      if (headings.length > 0) {
        report(
          heading?.line ?? fallback,
          "warning",
          heading ? `${name} section is empty; using the unheaded copy at line ${fallback}` : `no ${name} heading; using the unheaded copy at line ${fallback}`,
        );
      }
      return "unheaded";
    }
    report(heading?.line ?? expectedLine(kind), "error", heading ? `${name} section is empty` : `missing ${name} section`);
    return null;
  }

  const pick = <T>(kind: SectionKind, h: T[], u: T[]): T[] => {
    const c = choose(kind, h.length > 0, u.length > 0);
    return c === "headed" ? h : c === "unheaded" ? u : [];
  };
  const tldr = pick("tldr", headed.tldr, preamble.tldr);
  const takeaways = pick("takeaways", headed.takeaways, preamble.takeaways);
  const terms = pick("vocabulary", headed.terms, preamble.terms);
  const transcriptChoice = choose("transcript", headed.transcript !== null, preamble.transcript !== null);
  const transcript = transcriptChoice === "headed" ? headed.transcript : transcriptChoice === "unheaded" ? preamble.transcript : null;

  if (headings.length === 0 && unheadedIsCopy) {
    report(1, "warning", "no TL;DR/Takeaways/Vocabulary/Transcript headings; parsed the unheaded layout only");
  }

  // The unheaded copy is a duplicate of the headed one: say where they differ.
  if (unheadedIsCopy && headings.length > 0) {
    const compare = <T extends TalkItem>(kind: SectionKind, h: T[], u: T[], label: (x: T) => string, value: (x: T) => string) => {
      if (h.length === 0) return;
      if (u.length === 0) {
        report(
          sections.get(kind)?.line ?? h[0]!.line,
          "warning",
          `${SECTION_NAMES[kind]}: the unheaded copy before the first heading has no ${SECTION_NAMES[kind]} material`,
        );
        return;
      }
      const rows = (xs: T[]) => xs.map((x) => ({ key: x.key, line: x.line, label: label(x), value: value(x) }));
      compareCopies(kind, rows(h), rows(u), report);
    };
    compare(
      "tldr",
      headed.tldr,
      preamble.tldr,
      (x) => `point ${x.key.slice(5)}`,
      (x) => x.text,
    );
    compare(
      "takeaways",
      headed.takeaways,
      preamble.takeaways,
      (x) => `takeaway ${preview(x.title)}`,
      (x) => x.text,
    );
    compare(
      "vocabulary",
      headed.terms,
      preamble.terms,
      (x) => `term ${preview(x.term)}`,
      (x) => `${x.expansion === null ? "" : `(${x.expansion}) `}${x.definition}`,
    );
    if (headed.transcript && preamble.transcript && collapse(headed.transcript.text) !== collapse(preamble.transcript.text)) {
      report(
        headed.transcript.line,
        "warning",
        `Transcript: headed and unheaded copies disagree (unheaded copy at line ${preamble.transcript.line}); using the headed copy: ${firstDifference(collapse(headed.transcript.text), collapse(preamble.transcript.text))}`,
      );
    } else if (headed.transcript && !preamble.transcript) {
      report(sections.get("transcript")?.line ?? headed.transcript.line, "warning", "Transcript: the unheaded copy before the first heading has no transcript");
    }
  }

  diagnostics.sort((a, b) => a.line - b.line);
  return {
    title: preamble.title,
    items: [...tldr, ...takeaways, ...terms],
    transcript: transcript?.text ?? "",
    transcriptLine: transcript?.line ?? 0,
    diagnostics,
  };
}

/** Parse a talk document. Never throws: problems are returned as diagnostics. */
export function parseTalk(text: string, file: string): ParsedTalk {
  try {
    return parseTalkUnsafe(typeof text === "string" ? text : "", file);
  } catch (err) {
    return {
      title: null,
      items: [],
      transcript: "",
      transcriptLine: 0,
      diagnostics: [{ file, line: 1, severity: "error", message: `internal parser error: ${err instanceof Error ? err.message : String(err)}` }],
    };
  }
}

export type { Diagnostic, ParsedTalk, TalkItem } from "./types";
