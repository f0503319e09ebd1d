"""Who is asking: roles, signed tokens and the staff accounts. Pure: no database, no web."""
