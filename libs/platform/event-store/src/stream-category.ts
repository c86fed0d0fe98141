/** A kind of aggregate whose streams are named `<category>-<id>`; the category selects them all. */
export interface StreamCategory {
  readonly name: string;
  streamId(id: string): string;
  idOf(streamId: string): string;
}

/** The category is what precedes the first dash of a stream id, so a category's name has none. */
export function streamCategory(name: string): StreamCategory {
  if (!/^[a-z][a-z0-9]*$/.test(name))
    throw new Error(`A stream category is lower-case letters and digits without dashes, not "${name}".`);
  return { name, streamId: (id) => `${name}-${id}`, idOf: (streamId) => streamId.slice(name.length + 1) };
}
