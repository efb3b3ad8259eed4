/** Vite turns `?url` imports of bundled assets (the export font) into the asset's URL. */
declare module '*.ttf?url' {
  const url: string;
  export default url;
}
