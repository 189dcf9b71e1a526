"""Typed settings, their file, and API keys in the keyring."""
