"""Every Cypher query of the project, grouped by the use it serves."""
