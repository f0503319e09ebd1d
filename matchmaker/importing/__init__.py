"""Reading and writing the import formats: pure parsing, validation and serialisation.

Nothing here talks to Neo4j. `readers` turns a CSV or JSON Lines file (optionally gzipped) into
raw rows with line numbers, `convert` turns a raw row into a domain record or problems,
`checking` runs the streaming validation pass, and `writers` writes records back out.
"""
