"""Pure types and math shared by every layer. No Qt, no I/O."""
