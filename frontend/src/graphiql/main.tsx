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

createRoot(container).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultEditorToolsVisibility="headers" />
  </StrictMode>,
);
