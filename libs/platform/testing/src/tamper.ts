import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Overwrites the bytes of `marker` in a file with `replacement` (same length), as someone editing
 * the file on disk would. The marker must occur exactly once, so the test knows what it changed.
 */
export function changeBytesInFile(file: string, marker: string, replacement: string): void {
  if (Buffer.byteLength(marker) !== Buffer.byteLength(replacement))
    throw new Error('The replacement must have as many bytes as the marker.');
  const bytes = readFileSync(file);
  const at = bytes.indexOf(Buffer.from(marker, 'utf8'));
  if (at < 0) throw new Error(`${JSON.stringify(marker)} does not occur in ${file}.`);
  if (bytes.indexOf(Buffer.from(marker, 'utf8'), at + 1) >= 0)
    throw new Error(`${JSON.stringify(marker)} occurs more than once in ${file}.`);
  bytes.write(replacement, at, 'utf8');
  writeFileSync(file, bytes);
}
