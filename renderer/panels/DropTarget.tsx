import { Classes, NonIdealState } from '@blueprintjs/core';
import { mdiTrayArrowDown } from '@mdi/js';
import { useEffect, useState } from 'react';
import { Icon } from '../Icon';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * The window as a drop target: while files are dragged over it, it says what a drop does. The
 * drop itself is read by the preload (the paths) and handled by main; the page only lets the
 * drop happen (instead of the browser opening the file) and draws this.
 */
export function DropTarget() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setOver(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className={`${Classes.CARD} ${Classes.ELEVATION_4} drop-target`} data-testid="drop-target" role="status">
      <NonIdealState
        icon={<Icon path={mdiTrayArrowDown} size={48} />}
        title="Drop a case file (.awcase) to open it,"
        description="or a STIX, MISP, GraphML, GEXF, CSV, i2 ANX or Maltego file to import it (with a preview first)."
      />
    </div>
  );
}
