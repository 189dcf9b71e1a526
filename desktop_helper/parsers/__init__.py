"""Model text -> typed results (boxes, GUI actions, tool calls, thinking); pure functions, no I/O."""
