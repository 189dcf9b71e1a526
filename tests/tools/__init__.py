"""Developer and test tooling (test-model generators)."""
