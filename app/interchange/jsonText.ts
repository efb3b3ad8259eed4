import { InterchangeError, type ParseLimits } from './graph';

export function lineColumnOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Refuses JSON nested deeper than the limit before parsing it, so that no later recursive walk
 * (validation, mapping) can overflow the stack. Counts brackets outside strings.
 */
function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) throw new InterchangeError(`This JSON file nests deeper than ${maxDepth} levels`, lineColumnOf(text, i));
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * Parses untrusted JSON text. A syntax error names line and column; a `__proto__` key stays an
 * ordinary own property (JSON.parse never assigns prototypes).
 */
export function parseJsonText(text: string, limits: ParseLimits): unknown {
  checkDepth(text, limits.maxDepth);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const cleaned = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^Unexpected end of JSON input$/, 'the file ends in the middle of a value (is it truncated?)');
    const index = position ? Number(position[1]) : body.length;
    const early = index >= body.trimEnd().length && !cleaned.includes('truncated') ? ': the file ends early (is it truncated?)' : '';
    throw new InterchangeError(`This JSON file is malformed: ${cleaned}${early}`, lineColumnOf(body, index));
  }
}

/** A value's own string property, or undefined. */
export function stringProp(value: Record<string, unknown>, key: string): string | undefined {
  const v = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
