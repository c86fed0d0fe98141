import type { SubmitIdeaBody } from './idea-queries';

/** What the submit form holds while someone types. */
export interface IdeaForm {
  readonly title: string;
  readonly description: string;
  readonly stages: readonly string[];
  readonly regionKeys: readonly string[];
  /** Tags as typed: separated by commas. */
  readonly tags: string;
  /** A coordinator may submit for an actor organisation (its id). */
  readonly onBehalfOf: string;
}

export const EMPTY_IDEA: IdeaForm = {
  title: '',
  description: '',
  stages: [],
  regionKeys: [],
  tags: '',
  onBehalfOf: '',
};

export type IdeaFormProblem = 'required' | 'stageRequired' | 'tagsRepeated';

/** Tags from what was typed: trimmed, empty ones dropped. */
export function tagsOf(typed: string): string[] {
  return typed
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** The request body, or the problem of each field the person must fix first. */
export function ideaFormToBody(
  form: IdeaForm,
): { ok: true; body: SubmitIdeaBody } | { ok: false; problems: Record<string, IdeaFormProblem> } {
  const problems: Record<string, IdeaFormProblem> = {};
  if (!form.title.trim()) problems['title'] = 'required';
  if (!form.description.trim()) problems['description'] = 'required';
  if (form.stages.length === 0) problems['stages'] = 'stageRequired';
  const tags = tagsOf(form.tags);
  if (new Set(tags.map((tag) => tag.toLocaleLowerCase('de'))).size !== tags.length) problems['tags'] = 'tagsRepeated';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      title: form.title.trim(),
      description: form.description.trim(),
      stages: form.stages as SubmitIdeaBody['stages'],
      regionKeys: [...form.regionKeys],
      tags,
      ...(form.onBehalfOf.trim() ? { onBehalfOf: form.onBehalfOf.trim() } : {}),
    },
  };
}

/** The parts of a text that are one of the matched words, for highlighting; matching ignores case. */
export function highlightParts(text: string, words: readonly string[]): { text: string; matched: boolean }[] {
  const wanted = new Set(words.map((word) => word.toLocaleLowerCase('de')));
  if (wanted.size === 0) return [{ text, matched: false }];
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, matched: wanted.has(part.toLocaleLowerCase('de')) }));
}

/** Whether its author may still change a comment posted at `postedAt`. */
export function commentStillEditable(postedAt: string, minutes: number, now = Date.now()): boolean {
  return now - Date.parse(postedAt) <= minutes * 60_000;
}
