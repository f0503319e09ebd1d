"""Steps that derive the demo dataset from the source corpus and the hand-written content."""
