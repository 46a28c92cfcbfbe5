// TL;DR and Takeaways: "- " bullets, possibly split across lines and (for takeaways)
// possibly several "- Title: text" items merged onto one line.
import { slugify } from "./slug";
import {
  collapse,
  endsSentence,
  endsSentenceAt,
  isBlank,
  isBullet,
  isBulletTitle,
  isTitleLike,
  joinLines,
  looksLikeHeading,
  preview,
  startsLowercase,
  stripBullet,
} from "./text";
import type { Severity, SourceLine, TakeawayItem, TldrItem } from "./types";

export type Report = (line: number, severity: Severity, message: string) => void;

/** A bullet line (marker stripped) plus the continuation lines that belong to it. */
export type Chunk = { parts: SourceLine[] };

export function chunkText(chunk: Chunk): string {
  return chunk.parts.map((p) => p.text).join("\n");
}

/**
 * Can `text` continue the previous chunk? Yes when that chunk stops mid-sentence (no final
 * ".", "!", "?") or when the line starts with a lower-case letter.
 */
export function continues(chunk: Chunk | undefined, text: string): chunk is Chunk {
  return chunk !== undefined && !isBullet(text) && (!endsSentence(chunkText(chunk)) || startsLowercase(text));
}

/**
 * Group a headed section's lines into bullet chunks. Lines that are neither bullets nor
 * continuations are reported; an unknown heading ends the section (the rest is reported).
 */
export function groupBullets(lines: readonly SourceLine[], sectionName: string, report: Report): Chunk[] {
  const chunks: Chunk[] = [];
  const content = lines.filter((l) => !isBlank(l.text));
  for (let i = 0; i < content.length; i++) {
    const l = content[i]!;
    if (isBullet(l.text)) {
      chunks.push({ parts: [{ line: l.line, text: stripBullet(l.text) }] });
      continue;
    }
    const last = chunks.at(-1);
    if (continues(last, l.text)) {
      last.parts.push(l);
      continue;
    }
    if (looksLikeHeading(l.text)) {
      reportUnknownHeading(l, content.slice(i + 1), sectionName, report);
      break;
    }
    report(l.line, "error", `${sectionName}: line is not a "- " bullet and cannot be placed: ${preview(l.text)}`);
  }
  return chunks;
}

export function reportUnknownHeading(heading: SourceLine, rest: readonly SourceLine[], sectionName: string, report: Report): void {
  const first = rest[0];
  const last = rest.at(-1);
  const ignored = first && last ? `; its content (line${first.line === last.line ? ` ${first.line}` : `s ${first.line}–${last.line}`}) is ignored` : "";
  report(
    heading.line,
    "error",
    `unknown heading ${preview(heading.text)} inside ${sectionName} (expected TL;DR, Takeaways, Vocabulary or Transcript)${ignored}`,
  );
}

export function parseTldr(chunks: readonly Chunk[], report: Report): TldrItem[] {
  const items: TldrItem[] = [];
  for (const chunk of chunks) {
    const line = chunk.parts[0]?.line ?? 1;
    const text = collapse(chunkText(chunk));
    if (text === "") {
      report(line, "error", "TL;DR: empty bullet");
      continue;
    }
    items.push({ kind: "tldr", key: `tldr:${items.length + 1}`, text, line });
  }
  return items;
}

/** Start offsets of items merged into one chunk: "…feedback. - System Prompts Provide Final Control: …". */
function mergedStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /\s-\s+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!endsSentenceAt(text, m.index)) continue;
    const titleStart = m.index + m[0].length;
    const title = /^([^:\n]{1,100}):\s/.exec(text.slice(titleStart, titleStart + 110));
    if (title && isTitleLike(title[1] ?? "")) starts.push(titleStart);
  }
  return starts;
}

export function parseTakeaways(chunks: readonly Chunk[], report: Report): TakeawayItem[] {
  const items: TakeawayItem[] = [];
  const seen = new Map<string, number>();
  for (const chunk of chunks) {
    const joined = joinLines(chunk.parts);
    const starts = [0, ...mergedStarts(joined.text)];
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1]! : joined.text.length;
      // A merged item's text ends just before its " - " separator.
      const raw = joined.text.slice(start, end).replace(/\s-\s*$/, "");
      const line = joined.lineAt(start);
      const m = /^\s*([^:\n]{1,120}):(?:\s+([\s\S]*))?$/.exec(raw);
      const title = m ? collapse(m[1] ?? "") : "";
      if (!m || !isBulletTitle(title)) {
        report(line, "error", `Takeaways: item has no "Title:" prefix and cannot be placed: ${preview(raw)}`);
        return;
      }
      const text = collapse(m[2] ?? "");
      if (text === "") {
        report(line, "error", `Takeaways: takeaway ${preview(title)} has no text`);
        return;
      }
      const key = `takeaway:${slugify(title) || items.length + 1}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report(line, "error", `Takeaways: duplicate takeaway ${preview(title)} (first at line ${first}); ignored`);
        return;
      }
      seen.set(key, line);
      items.push({ kind: "takeaway", key, title, text, line });
    });
  }
  return items;
}
