/** esbuild's binary loader (sheets-addon/build.ts) turns an imported font into its bytes. */
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}
