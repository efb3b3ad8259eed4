/** Plain-text files imported as strings (the sample cases' source documents). */
declare module '*.txt' {
  const text: string;
  export default text;
}
