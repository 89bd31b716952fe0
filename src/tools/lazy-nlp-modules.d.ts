/** The virtual modules of src/tools/lazy-nlp.ts: a library's default export, evaluated at the first call. */
declare module 'counterpoint-lazy:*' {
  const load: () => unknown;
  export default load;
}
