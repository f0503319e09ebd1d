/**
 * The app's GraphQL documents, checked against the committed SDL (../schema.graphql).
 *
 * Each file in src/graphql holds one operation (and the fragments it uses). A document whose
 * root fields are all in the schema must validate; one that asks for a root field the API does
 * not offer yet is marked unavailable, so the page can say so instead of failing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import {
  buildSchema,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

export const FRONTEND_DIR = resolve(import.meta.dirname, "..");
export const DOCUMENTS_DIR = join(FRONTEND_DIR, "src", "graphql");
export const SCHEMA_FILE = join(FRONTEND_DIR, "..", "schema.graphql");

export interface OperationCheck {
  name: string;
  text: string;
  /** Root fields the schema lacks: the operation is not offered yet. */
  missing: string[];
  /** Validation errors against the schema (only meaningful when nothing is missing). */
  errors: string[];
}

export function loadSchema(file = SCHEMA_FILE): GraphQLSchema | null {
  return existsSync(file) ? buildSchema(readFileSync(file, "utf8")) : null;
}

export function documentFiles(dir = DOCUMENTS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => join(dir, f));
}

function operationOf(doc: DocumentNode): OperationDefinitionNode {
  const ops = doc.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (ops.length !== 1) throw new Error("each document holds exactly one operation");
  return ops[0];
}

function missingRoots(schema: GraphQLSchema | null, op: OperationDefinitionNode): string[] {
  const root = schema?.getRootType(op.operation);
  const fields = root ? root.getFields() : {};
  return op.selectionSet.selections
    .filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith("__"))
    .map((s) => (s.kind === Kind.FIELD ? s.name.value : ""))
    .filter((name) => !(name in fields));
}

export function checkDocument(schema: GraphQLSchema | null, file: string): OperationCheck {
  const text = readFileSync(file, "utf8");
  const doc = parse(text);
  const op = operationOf(doc);
  const name = op.name?.value ?? basename(file, ".graphql");
  const missing = missingRoots(schema, op);
  const errors = schema && missing.length === 0 ? validate(schema, doc).map((e) => e.message) : [];
  return { name, text, missing, errors };
}

export function checkAll(schemaFile = SCHEMA_FILE, dir = DOCUMENTS_DIR): OperationCheck[] {
  const schema = loadSchema(schemaFile);
  return documentFiles(dir).map((file) => checkDocument(schema, file));
}
