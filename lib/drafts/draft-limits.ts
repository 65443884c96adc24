// The essay's size limit, with no zod: the draft editor shows it as the student nears it, and
// SaveDraftSchema (schemas.ts) refuses beyond it, so both read this one number without the
// browser downloading zod (docs/decisions/018-client-bundle.md).

// About 15,000 words: far beyond any essay, small enough to refuse a pasted book.
export const MAX_DRAFT_CHARS = 100_000;

// Paste sizes ride on the next autosave (docs/decisions/023-writing-process.md). A save carries
// at most this many; the editor keeps the largest when a student pastes more between saves.
export const MAX_PASTES_PER_SAVE = 20;
