"""Hand-written content of the demo: name lists, places, groups, calls, ideas and the
specialists whose fields the source corpus does not cover."""
