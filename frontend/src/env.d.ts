/// <reference types="vite/client" />

declare module "virtual:operations" {
  /** Every GraphQL document by operation name; `missing` lists root fields the API lacks. */
  const operations: Record<string, { text: string; missing: string[] }>;
  export default operations;
}
