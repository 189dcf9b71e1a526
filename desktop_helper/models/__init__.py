"""Model files: the catalog of known models, GGUF header checks, memory estimates and downloads (no Qt)."""
