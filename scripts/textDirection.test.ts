import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every text field in the renderer says `dir="auto"`, so a name typed or pasted in Arabic (or any
 * right-to-left script) reads right to left, whatever the interface's direction. This reads the
 * JSX of every renderer component (with TypeScript's parser, not a pattern) and lists the fields
 * that do not.
 */

/** Input types that hold no free text: a direction means nothing for them. */
const NOT_TEXT = new Set(['checkbox', 'radio', 'range', 'file', 'color', 'hidden', 'submit', 'button', 'reset', 'number', 'date', 'datetime-local', 'time', 'month', 'week', 'image']);
/** The DOM's text fields; and Blueprint's, when the file imports them from Blueprint. */
const DOM_FIELDS = new Set(['input', 'textarea']);
const BLUEPRINT_FIELDS = new Set(['InputGroup', 'TextArea', 'EditableText', 'TagInput']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

interface Field {
  where: string;
  tag: string;
}

function attribute(node: ts.JsxOpeningLikeElement, name: string): ts.JsxAttribute | undefined {
  return node.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === name);
}

/** The attribute's value when it is a string written out (`type="text"`, `type={'text'}`), else null. */
function literalValue(attr: ts.JsxAttribute | undefined): string | null {
  const init = attr?.initializer;
  if (!init) return null;
  if (ts.isStringLiteral(init)) return init.text;
  if (ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)) return init.expression.text;
  if (ts.isJsxExpression(init) && init.expression?.kind === ts.SyntaxKind.FalseKeyword) return 'false';
  return null;
}

/** The text fields of one file that have no `dir` attribute. */
export function fieldsWithoutDirection(fileName: string, source: string): Field[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const missing: Field[] = [];
  const fields = new Set(DOM_FIELDS);
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || (statement.moduleSpecifier as ts.StringLiteral).text !== '@blueprintjs/core') continue;
    const named = statement.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) for (const element of named.elements) if (BLUEPRINT_FIELDS.has(element.name.text)) fields.add(element.name.text);
  }
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText();
      const editable = attribute(node, 'contentEditable') ?? attribute(node, 'contenteditable');
      const isField = fields.has(tag) && !(tag === 'input' && NOT_TEXT.has(literalValue(attribute(node, 'type')) ?? 'text'));
      const editableOn = editable !== undefined && literalValue(editable) !== 'false';
      if ((isField || editableOn) && attribute(node, 'dir') === undefined) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        missing.push({ where: `${fileName}:${line + 1}`, tag });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return missing;
}

describe('text fields read in the direction of their text', () => {
  it('the scanner finds a field without dir, and accepts one with it or one that holds no text', () => {
    const found = fieldsWithoutDirection(
      'x.tsx',
      `import { TextArea } from '@blueprintjs/core';
      export const A = () => (<>
        <input value={a} />
        <input type="checkbox" />
        <input dir="auto" />
        <textarea />
        <InputGroup dir="auto" />
        <TextArea value={b} />
        <div contentEditable />
        <span contentEditable={false} />
        <EditableText value={c} />
      </>);`,
    );
    expect(found.map((f) => f.tag)).toEqual(['input', 'textarea', 'TextArea', 'div']);
  });

  it('every input, textarea and editable element of the renderer has dir', () => {
    const root = join(__dirname, '..', 'renderer');
    const missing = tsxFiles(root).flatMap((path) => fieldsWithoutDirection(relative(root, path), readFileSync(path, 'utf8')));
    expect(missing.map((f) => `${f.where} <${f.tag}>`)).toEqual([]);
  });
});
