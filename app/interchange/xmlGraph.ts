import type { Attributes, AttributeValue, CaseDocument } from '../domain';

/**
 * What our GraphML and GEXF exports share: the names of the fields we write beside the user's own
 * attributes, and how a user attribute that would collide with one of them is renamed.
 */
export const RESERVED = {
  label: 'label',
  id: 'awb.id',
  type: 'awb.type',
  aliases: 'awb.aliases',
  description: 'awb.description',
  startDate: 'awb.startDate',
  endDate: 'awb.endDate',
  evidence: 'awb.evidence',
  color: 'awb.color',
  strength: 'awb.strength',
  x: 'x',
  y: 'y',
} as const;

const RESERVED_NAMES = new Set<string>(Object.values(RESERVED));
const ESCAPE_PREFIX = 'attribute.';

/** The name a user attribute is written under. */
export function exportedAttributeName(key: string): string {
  return RESERVED_NAMES.has(key) || key.startsWith('awb.') || key.startsWith(ESCAPE_PREFIX) ? `${ESCAPE_PREFIX}${key}` : key;
}

/** The attribute key a written name stands for (undoes `exportedAttributeName`). */
export function importedAttributeName(name: string): string {
  return name.startsWith(ESCAPE_PREFIX) ? name.slice(ESCAPE_PREFIX.length) : name;
}

export type ValueKind = 'string' | 'number' | 'boolean';

export function valueKind(value: AttributeValue): ValueKind {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

/**
 * Every user attribute key across items with one type each: numbers or booleans when every value
 * agrees, otherwise string (a key holding both 3 and "three" is written as text).
 */
export function attributeColumns(items: readonly { attributes: Attributes }[]): Map<string, ValueKind> {
  const columns = new Map<string, ValueKind>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item.attributes)) {
      const kind = valueKind(value);
      const known = columns.get(key);
      columns.set(key, known === undefined || known === kind ? kind : 'string');
    }
  }
  return columns;
}

/** Reads a written value back as the type its column declares. */
export function typedValue(raw: string, declared: string | undefined): AttributeValue {
  const type = (declared ?? 'string').toLowerCase();
  if (type === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    return raw;
  }
  if (['int', 'integer', 'long', 'float', 'double', 'short', 'byte', 'bigdecimal', 'biginteger'].includes(type)) {
    const n = Number(raw.trim());
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  return raw;
}

export function positionsOf(doc: CaseDocument): Map<string, { x: number; y: number }> {
  return new Map((doc.charts[0]?.positions ?? []).map((p) => [p.entityId, { x: p.x, y: p.y }]));
}

/** "#rrggbb" from 0-255 channels (clamped), or null when a channel is not a number. */
export function hexColour(r: unknown, g: unknown, b: unknown): string | null {
  const channels = [r, g, b].map((c) => (typeof c === 'number' ? c : typeof c === 'string' ? Number(c) : Number.NaN));
  if (channels.some((c) => !Number.isFinite(c))) return null;
  return `#${channels.map((c) => Math.max(0, Math.min(255, Math.round(c))).toString(16).padStart(2, '0')).join('')}`;
}
