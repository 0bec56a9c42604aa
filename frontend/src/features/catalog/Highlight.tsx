import type { ReactNode } from 'react';

const TAG = /(<em>|<\/em>)/;

/**
 * Splits a highlight fragment from the search server into text and marked parts. Only the
 * `<em>`/`</em>` tags the server puts around the matches are recognised; everything else —
 * including other markup such as `<script>` — stays plain text, which React escapes.
 */
export function highlightParts(fragment: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const token of fragment.split(TAG)) {
    if (token === '<em>') {
      marked = true;
    } else if (token === '</em>') {
      marked = false;
    } else if (token) {
      const last = parts[parts.length - 1];
      if (last && last.marked === marked) {
        last.text += token;
      } else {
        parts.push({ text: token, marked });
      }
    }
  }
  return parts;
}

/** A highlight fragment with its matches as `<mark>`; never injects the text as HTML. */
export function Highlight({ fragment }: { fragment: string }): ReactNode {
  return highlightParts(fragment).map((part, index) =>
    part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
  );
}
