/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { checkAll, DOCUMENTS_DIR, SCHEMA_FILE } from "./tools/operations.ts";

const VIRTUAL = "virtual:operations";
const RESOLVED = "\0" + VIRTUAL;

/** Bundles the GraphQL documents, each marked available or not against ../schema.graphql. */
function operations(): Plugin {
  return {
    name: "matchmaker-operations",
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(SCHEMA_FILE);
      const checks = checkAll();
      const broken = checks.filter((c) => c.errors.length > 0);
      if (broken.length > 0) {
        const lines = broken.map((c) => `${c.name}: ${c.errors.join("; ")}`);
        this.error(`GraphQL documents do not match schema.graphql:\n${lines.join("\n")}`);
      }
      const table = Object.fromEntries(
        checks.map((c) => [c.name, { text: c.text, missing: c.missing }]),
      );
      return `export default ${JSON.stringify(table)};`;
    },
    configureServer(server) {
      server.watcher.add([SCHEMA_FILE, DOCUMENTS_DIR]);
    },
  };
}

export default defineConfig({
  plugins: [react(), operations()],
  build: {
    outDir: "dist",
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Two pages: the web app, and GraphiQL (served by the API at GET /graphql), both built
    // from installed packages so that neither loads anything from another origin.
    rollupOptions: {
      input: {
        app: fileURLToPath(new URL("index.html", import.meta.url)),
        graphiql: fileURLToPath(new URL("graphiql/index.html", import.meta.url)),
      },
    },
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:8000", "/healthz": "http://127.0.0.1:8000" } },
  test: { include: ["tests/**/*.test.ts"], environment: "node" },
});
