/**
 * The revision a person last saw of each resource, by its path: a command on a resource (or on a
 * path below it) is sent with that revision as If-Match, so it is refused when someone else changed
 * the resource meanwhile. Each browser tab keeps its own.
 */
const REVISION = /^"\d+"$/;

export class ETagStore {
  private readonly etags = new Map<string, string>();

  /** Only a revision ("3") is kept: a list's content hash (W/"…") says nothing a command could be checked against. */
  remember(resourcePath: string, etag: string): void {
    if (REVISION.test(etag)) this.etags.set(resourcePath, etag);
  }

  /** The ETag of the longest known resource path the command's path lies in. */
  forCommand(commandPath: string): string | undefined {
    let best: string | undefined;
    for (const path of this.etags.keys())
      if ((commandPath === path || commandPath.startsWith(`${path}/`)) && (!best || path.length > best.length))
        best = path;
    return best === undefined ? undefined : this.etags.get(best);
  }

  /** After a command: the new revision belongs to the resource the command was sent to. */
  rememberAfterCommand(commandPath: string, etag: string): void {
    let best: string | undefined;
    for (const path of this.etags.keys())
      if (commandPath.startsWith(`${path}/`) && (!best || path.length > best.length)) best = path;
    if (best !== undefined) this.etags.set(best, etag);
  }
}
