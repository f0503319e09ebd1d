/**
 * GraphiQL for the API, bundled with the web app so that the page loads nothing from outside
 * this service (its Content-Security-Policy allows only 'self'). The service answers a
 * browser's GET /graphql with the built page, dist/graphiql/index.html.
 */
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import "./page.css";

const fetcher = createGraphiQLFetcher({ url: "/graphql" });
const container = document.getElementById("graphiql");
if (container === null) throw new Error("the page has no #graphiql element");

/** The editor a CodeMirror textarea takes the keys for: GraphiQL's tool section holds the
 * variables editor, then the headers editor, and names only the one on show. */
function editorName(textarea: HTMLTextAreaElement): string {
  if (textarea.closest(".graphiql-query-editor")) return "Query";
  if (textarea.closest(".result-window")) return "Result";
  const tool = textarea.closest(".graphiql-editor-tool");
  const editor = textarea.closest(".graphiql-editor");
  if (tool && editor) return tool.querySelector(":scope > .graphiql-editor") === editor ? "Variables" : "Headers";
  return "Editor";
}

/** CodeMirror takes each editor's keys in a textarea of its own that has no name, so a screen
 * reader could not say which editor has focus; each gets its editor's name as it appears. */
function nameEditors(root: HTMLElement): void {
  const name = () =>
    root.querySelectorAll<HTMLTextAreaElement>(".CodeMirror textarea:not([aria-label])").forEach((t) => t.setAttribute("aria-label", editorName(t)));
  new MutationObserver(name).observe(root, { childList: true, subtree: true });
  name();
}

nameEditors(container);
createRoot(container).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultEditorToolsVisibility="headers" />
  </StrictMode>,
);
