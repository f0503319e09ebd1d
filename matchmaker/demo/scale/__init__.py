"""Parts of the synthetic scale generator (see matchmaker.demo.synthetic)."""
