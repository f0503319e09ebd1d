"""The demo dataset: a compact, committed picture of the IPEM membership, and a scale generator.

`dataset` loads the committed files in data/demo; `build` derives them once from the source
corpus; `synthetic` grows a larger, deterministic dataset from them for load and scale tests.
"""
