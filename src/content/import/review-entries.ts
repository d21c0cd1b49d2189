import type { SeedDocument, SeedEntry } from './seed-document.js';

/** A problem with the source document; any problem makes the import exit non-zero. */
export interface ImportProblem {
  line: number;
  message: string;
}

export interface DroppedRepeat {
  line: number;
  title: string;
  repeatOf: number;
}

export interface EntryReview {
  accepted: SeedEntry[];
  dropped: DroppedRepeat[];
  problems: ImportProblem[];
  notes: ImportProblem[];
}

const normalise = (answer: string) => answer.replace(/[ \t]+$/gm, '').trim();

/** Decides entry by entry what is imported, what is an exact repeat, and what is wrong. */
export function reviewEntries(doc: SeedDocument): EntryReview {
  const review: EntryReview = { accepted: [], dropped: [], problems: [], notes: [] };
  const firstByTitle = new Map<string, SeedEntry>();

  for (const fence of doc.unclosedFences) {
    const swallowed = fence.swallowedHeadings.join(', ');
    const rest = swallowed
      ? `; everything after it is read as code, including the heading(s) at line ${swallowed}`
      : '';
    review.problems.push({ line: fence.line, message: `code fence opened here is never closed${rest}` });
  }
  const fenceLines = new Set(doc.unclosedFences.map((f) => f.line));

  for (const entry of doc.entries) {
    const first = firstByTitle.get(entry.title);
    if (entry.answer === '') {
      review.problems.push({
        line: entry.line,
        message: `"${entry.title}" has no answer (expected **A:** after it)`,
      });
    } else if (first && normalise(first.answer) === normalise(entry.answer)) {
      review.dropped.push({ line: entry.line, title: entry.title, repeatOf: first.line });
    } else if (first) {
      review.problems.push({
        line: entry.line,
        message: `"${entry.title}" repeats the title at line ${first.line} with a different answer (conflict; kept line ${first.line})`,
      });
    } else if (hasFenceInside(entry, doc, fenceLines)) {
      review.problems.push({
        line: entry.line,
        message: `"${entry.title}" holds a code fence that is never closed`,
      });
    } else {
      if (entry.section === undefined) {
        review.problems.push({ line: entry.line, message: `"${entry.title}" is not under any ## category` });
        continue;
      }
      firstByTitle.set(entry.title, entry);
      review.accepted.push(entry);
    }
  }

  for (const section of doc.sections) {
    if (section.isTableOfContents) {
      review.notes.push({ line: section.line, message: `"${section.name}" is a table of contents; skipped` });
    } else if (section.entries === 0) {
      review.problems.push({ line: section.line, message: `category "${section.name}" has no questions` });
    }
    for (const line of section.strayLines) {
      review.problems.push({ line, message: 'text outside any question is not imported' });
    }
  }
  for (const line of doc.strayLines) {
    review.problems.push({ line, message: 'text outside any question is not imported' });
  }
  review.problems.sort((a, b) => a.line - b.line);
  return review;
}

function hasFenceInside(entry: SeedEntry, doc: SeedDocument, fenceLines: Set<number>): boolean {
  const next = doc.entries.find((e) => e.line > entry.line)?.line ?? Number.POSITIVE_INFINITY;
  return [...fenceLines].some((line) => line > entry.line && line < next);
}
