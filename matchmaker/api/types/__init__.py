"""The GraphQL object types, kept apart from the domain records they wrap (`from_domain`)."""
