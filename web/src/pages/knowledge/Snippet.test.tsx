import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Snippet, snippetPieces } from "./Snippet";

describe("search snippets", () => {
  it("marks the matched words and nothing else", () => {
    const { container } = render(<Snippet html="las colecciones <mark>sostenibles</mark> empiezan en el <mark>patrón</mark>." />);
    expect([...container.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["sostenibles", "patrón"]);
    expect(container.textContent).toBe("las colecciones sostenibles empiezan en el patrón.");
  });

  it("shows an author's markup as text: no element, no handler is created from it", () => {
    // What the service sends for a body containing a script and an image with an error handler:
    // every character escaped, only the matched word inside <mark>.
    const escaped =
      "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>tints</mark> &amp; more";
    const { container } = render(<Snippet html={escaped} />);
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelectorAll("mark")).toHaveLength(1);
    expect(screen.getByText(/<script>alert\('x'\)<\/script>/)).toBeInTheDocument();
    expect(container.textContent).toBe(`<script>alert('x')</script> <img src=x onerror="alert(1)"> tints & more`);
  });

  it("never turns raw tags into elements even if they reached it unescaped", () => {
    const { container } = render(<Snippet html={'<img src=x onerror="alert(1)"><mark><b>bold</b></mark>'} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector("mark")?.textContent).toBe("<b>bold</b>");
  });

  it("decodes each entity once (an escaped entity stays an entity)", () => {
    expect(snippetPieces("&amp;lt; is how &lt; is written")).toEqual([{ text: "&lt; is how < is written", marked: false }]);
  });
});
