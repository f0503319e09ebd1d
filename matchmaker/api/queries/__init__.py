"""The Query root, assembled from one module per area."""
