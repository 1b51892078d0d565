// A search hit's passage. The service escapes every character of it and then wraps the matched
// words in <mark>…</mark> (knowledge/domain/library/search.py `snippet_html`). It is never given
// to the browser as HTML: it is split on those two marks, the five entities html.escape writes
// are turned back into characters, and every piece is rendered as text (React escapes it), so
// nothing but the marks can become markup, whatever a resource's author typed.

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&amp;": "&" };

function unescape(text: string): string {
  return text.replace(/&(?:lt|gt|quot|#x27|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** The snippet as pieces of text, each marked (a matched word) or not. */
export function snippetPieces(snippetHtml: string): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  for (const [index, part] of snippetHtml.split("<mark>").entries()) {
    const [inside, ...after] = index === 0 ? [undefined, part] : part.split("</mark>");
    if (inside !== undefined) pieces.push({ text: unescape(inside), marked: true });
    const rest = after.join("");
    if (rest) pieces.push({ text: unescape(rest), marked: false });
  }
  return pieces.filter((p) => p.text);
}

export function Snippet({ html }: { html: string }) {
  return (
    <p className="snippet">
      {snippetPieces(html).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </p>
  );
}
