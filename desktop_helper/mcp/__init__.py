"""``desktop-helper mcp``: the screen, the model and the confirm-first agent as Model Context Protocol tools.

No Qt here. :mod:`.tools` declares the tools (names, JSON schemas, checks of the arguments),
:mod:`.operations` does the work on a capture backend and a model backend (in the MCP process when
the app does not run, inside the app when it does), :mod:`.server` is the MCP server over stdio,
which sends each call to the running app through its command socket (``mcp-call``) or runs the
read-only ones itself.
"""
