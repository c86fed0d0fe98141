// The package declares its types only under `exports`, which `moduleResolution: node` does not read.
declare module '@orama/stemmers/german' {
  export function stemmer(word: string): string;
}
