import { Classes } from '@blueprintjs/core';
import { lexer, type Token, type Tokens } from 'marked';
import type { ReactNode } from 'react';

/**
 * Markdown shown safely: marked's lexer turns the text into tokens and React elements are built
 * from them here. No HTML string is ever handed to the DOM: raw HTML in a note shows as text, an
 * image shows as its description, and a link shows its address but never navigates the app.
 */
export function SafeMarkdown({ text }: { text: string }) {
  let tokens: Token[];
  try {
    tokens = lexer(text, { gfm: true });
  } catch {
    return <p className="md-plain">{text}</p>;
  }
  // Blueprint's running text: its paragraphs, lists, quotes and code, in light and dark.
  return <div className={`${Classes.RUNNING_TEXT} markdown`}>{blocks(tokens)}</div>;
}

function blocks(tokens: readonly Token[]): ReactNode[] {
  return tokens.map((token, i) => block(token, i));
}

function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'heading': {
      const t = token as Tokens.Heading;
      return (
        <p key={key} className={`${Classes.HEADING} md-heading md-h${Math.min(t.depth, 4)}`}>
          {inline(t.tokens)}
        </p>
      );
    }
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'blockquote':
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens)}</blockquote>;
    case 'list': {
      const t = token as Tokens.List;
      const items = t.items.map((item, j) => <li key={j}>{blocks(item.tokens)}</li>);
      const List = t.ordered ? 'ol' : 'ul';
      // The app's reset takes the markers off lists; a note's lists keep the browser's.
      return (
        <List key={key} style={{ listStyle: 'revert' }}>
          {items}
        </List>
      );
    }
    case 'code':
      return (
        <pre key={key} className="md-code">
          {(token as Tokens.Code).text}
        </pre>
      );
    case 'hr':
      return <hr key={key} />;
    case 'space':
      return null;
    case 'table': {
      const t = token as Tokens.Table;
      return (
        <table key={key} className={`${Classes.HTML_TABLE} ${Classes.COMPACT} md-table`}>
          <thead>
            <tr>
              {t.header.map((cell, j) => (
                <th key={j}>{inline(cell.tokens)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, j) => (
                  <td key={j}>{inline(cell.tokens)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'text': {
      const t = token as Tokens.Text;
      return <p key={key}>{t.tokens ? inline(t.tokens) : t.text}</p>;
    }
    default:
      // Raw HTML and anything unknown: the text as typed.
      return (
        <p key={key} className={`${Classes.MONOSPACE_TEXT} md-raw`}>
          {token.raw}
        </p>
      );
  }
}

function inline(tokens: readonly Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, i) => inlineToken(token, i));
}

function inlineToken(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens ? <span key={key}>{inline(t.tokens)}</span> : <span key={key}>{t.text}</span>;
    }
    case 'escape':
      return <span key={key}>{(token as Tokens.Escape).text}</span>;
    case 'strong':
      return <strong key={key}>{inline((token as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{inline((token as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{inline((token as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const t = token as Tokens.Link;
      // Shown, never followed: the app does not navigate, and the address is visible.
      return (
        <span key={key} className="md-link" title={t.href}>
          {inline(t.tokens)} <span className={`${Classes.TEXT_MUTED} ${Classes.TEXT_SMALL} md-href`}>({t.href})</span>
        </span>
      );
    }
    case 'image': {
      const t = token as Tokens.Image;
      return (
        <span key={key} className="md-image">
          [image: {t.text || t.href}]
        </span>
      );
    }
    default:
      return <span key={key}>{token.raw}</span>;
  }
}
