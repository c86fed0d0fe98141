/** A kind of aggregate whose streams are named `<category>-<id>`; the category selects them all. */
export interface StreamCategory {
  readonly name: string;
  streamId(id: string): string;
  idOf(streamId: string): string;
}

export function streamCategory(name: string): StreamCategory {
  return { name, streamId: (id) => `${name}-${id}`, idOf: (streamId) => streamId.slice(name.length + 1) };
}
