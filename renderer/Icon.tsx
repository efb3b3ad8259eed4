/** A Material Design icon (24x24 path) drawn inline in the current text colour. */
export function Icon({ path, size = 16, title }: { path: string; size?: number; title?: string }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden={title === undefined} role={title === undefined ? undefined : 'img'}>
      {title !== undefined && <title>{title}</title>}
      <path d={path} fill="currentColor" />
    </svg>
  );
}
