"""The Mutation root, assembled from one module per area. Every change is audited."""
