// The lessons in notebooks/*.md are bundled as text (esbuild's text loader, see scripts/build.mjs).
declare module '*.md' {
  const text: string;
  export default text;
}
