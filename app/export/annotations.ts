import type { SceneItem } from './scene';
import { wrapText, type TextMeasurer } from './text';

/**
 * Canvas annotations: what an analyst draws on a chart besides entities and links (a note, a box
 * or ring around a group, an arrow). The chart has none yet; this is the shape the export expects
 * them in (model coordinates), so a chart that gains them exports them with no change here:
 * shapes go under the links and nodes, notes and arrows over them.
 */
export type ChartAnnotation =
  | {
      kind: 'note';
      id: string;
      /** Top-left corner and width; the text wraps to the width. */
      x: number;
      y: number;
      width: number;
      text: string;
      colour?: string;
      background?: string;
    }
  | { kind: 'rect' | 'ellipse'; id: string; x: number; y: number; width: number; height: number; stroke: string; fill?: string; strokeWidth?: number }
  | { kind: 'arrow'; id: string; x1: number; y1: number; x2: number; y2: number; colour: string; width?: number };

const NOTE_FONT_SIZE = 13;
const NOTE_PADDING = 6;
const COLOUR = /^#[0-9a-f]{6}$/;

function colourOr(value: string | undefined, fallback: string): string {
  const lower = value?.toLowerCase();
  return lower !== undefined && COLOUR.test(lower) ? lower : fallback;
}

/** The scene items for one annotation. */
export function annotationItems(annotation: ChartAnnotation, measure: TextMeasurer): { under: SceneItem[]; over: SceneItem[] } {
  switch (annotation.kind) {
    case 'note': {
      const width = Math.max(40, annotation.width);
      const lines = wrapText(annotation.text, width - 2 * NOTE_PADDING, (t) => measure(t, NOTE_FONT_SIZE, 'normal'));
      const lineHeight = NOTE_FONT_SIZE * 1.3;
      const height = lines.length * lineHeight + 2 * NOTE_PADDING;
      return {
        under: [],
        over: [
          {
            kind: 'rect',
            x: annotation.x,
            y: annotation.y,
            width,
            height,
            radius: 3,
            fill: { colour: colourOr(annotation.background, '#fff8c5') },
            stroke: { colour: '#d4a72c', width: 1 },
          },
          {
            kind: 'text',
            x: annotation.x + NOTE_PADDING,
            y: annotation.y + NOTE_PADDING,
            anchor: 'start',
            lines: lines.map((text) => ({ text, width: measure(text, NOTE_FONT_SIZE, 'normal') })),
            fontSize: NOTE_FONT_SIZE,
            lineHeight,
            weight: 'normal',
            colour: colourOr(annotation.colour, '#1f2328'),
          },
        ],
      };
    }
    case 'rect':
    case 'ellipse': {
      const stroke = { colour: colourOr(annotation.stroke, '#1f2328'), width: annotation.strokeWidth ?? 2 };
      const fill = annotation.fill ? { fill: { colour: colourOr(annotation.fill, '#ffffff'), opacity: 0.25 } } : {};
      const item: SceneItem =
        annotation.kind === 'rect'
          ? { kind: 'rect', x: annotation.x, y: annotation.y, width: annotation.width, height: annotation.height, radius: 6, stroke, ...fill }
          : { kind: 'ellipse', cx: annotation.x + annotation.width / 2, cy: annotation.y + annotation.height / 2, rx: annotation.width / 2, ry: annotation.height / 2, stroke, ...fill };
      return { under: [item], over: [] };
    }
    case 'arrow': {
      const colour = colourOr(annotation.colour, '#1f2328');
      const width = annotation.width ?? 2;
      const dx = annotation.x2 - annotation.x1;
      const dy = annotation.y2 - annotation.y1;
      const length = Math.hypot(dx, dy) || 1;
      const ux = dx / length;
      const uy = dy / length;
      const head = Math.max(10, width * 5);
      const bx = annotation.x2 - ux * head;
      const by = annotation.y2 - uy * head;
      return {
        under: [],
        over: [
          { kind: 'path', commands: [{ op: 'M', x: annotation.x1, y: annotation.y1 }, { op: 'L', x: bx, y: by }], stroke: { colour, width } },
          {
            kind: 'path',
            commands: [
              { op: 'M', x: annotation.x2, y: annotation.y2 },
              { op: 'L', x: bx - uy * head * 0.45, y: by + ux * head * 0.45 },
              { op: 'L', x: bx + uy * head * 0.45, y: by - ux * head * 0.45 },
              { op: 'Z' },
            ],
            fill: { colour },
          },
        ],
      };
    }
  }
}
