<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop_helper/ui/attachments_bar.py" line="40"/>
        <source>Pages…</source>
        <translation>Pages…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachments_bar.py" line="46"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>BackendService</name>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="77"/>
        <source>Loading {0}…</source>
        <translation>Loading {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="92"/>
        <location filename="../../desktop_helper/ui/backend_service.py" line="110"/>
        <source>Ready: {0}</source>
        <translation>Ready: {0}</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="268"/>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="273"/>
        <source>Search history…</source>
        <translation>Search history…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="292"/>
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="298"/>
        <source>Low detail</source>
        <translation>Low detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="299"/>
        <source>Medium detail</source>
        <translation>Medium detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="300"/>
        <source>High detail</source>
        <translation>High detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="301"/>
        <source>Max detail</source>
        <translation>Max detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="311"/>
        <source>System prompt…</source>
        <translation>System prompt…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="314"/>
        <source>Mini</source>
        <translation>Mini</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="315"/>
        <source>A small always-on-top window for quick questions</source>
        <translation>A small always-on-top window for quick questions</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="337"/>
        <source>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</source>
        <translation>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="343"/>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="348"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="351"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="416"/>
        <source>The app was closed while this answer was being written.</source>
        <translation>The app was closed while this answer was being written.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="435"/>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="441"/>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="459"/>
        <source>Wait for the answer to finish, or stop it, first.</source>
        <translation>Wait for the answer to finish, or stop it, first.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="488"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="489"/>
        <location filename="../../desktop_helper/ui/chat_window.py" line="500"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="490"/>
        <source>Export as Markdown…</source>
        <translation>Export as Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="491"/>
        <source>Export as JSON…</source>
        <translation>Export as JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="496"/>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="496"/>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="500"/>
        <source>Delete this conversation and its attachments?</source>
        <translation>Delete this conversation and its attachments?</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="506"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="515"/>
        <source>Export failed: {0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="545"/>
        <source>≈ {0} image tokens (≤ {1} per image)</source>
        <translation>≈ {0} image tokens (≤ {1} per image)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="550"/>
        <source>No backend</source>
        <translation>No backend</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="557"/>
        <source>Local model</source>
        <translation>Local model</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="594"/>
        <source>System prompt</source>
        <translation>System prompt</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="594"/>
        <source>Instructions for this conversation:</source>
        <translation>Instructions for this conversation:</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="623"/>
        <source>{0}: only {1} will be sent.</source>
        <translation>{0}: only {1} will be sent.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="624"/>
        <source>Use its Pages… button to choose other pages.</source>
        <translation>Use its Pages… button to choose other pages.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="634"/>
        <source>{0}: cannot be read ({1}).</source>
        <translation>{0}: cannot be read ({1}).</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="639"/>
        <source>Reading {0} file(s)…</source>
        <translation>Reading {0} file(s)…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="648"/>
        <source>pasted image {0}</source>
        <translation>pasted image {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="655"/>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="657"/>
        <source>Supported files ({0});;All files (*)</source>
        <translation>Supported files ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="665"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="665"/>
        <source>Pages of {0} to send (e.g. 3-12):</source>
        <translation>Pages of {0} to send (e.g. 3-12):</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="707"/>
        <source>An answer is still being written; stop it first.</source>
        <translation>An answer is still being written; stop it first.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="710"/>
        <source>Files are still being read; send again in a moment.</source>
        <translation>Files are still being read; send again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="759"/>
        <source>Editing a question (Esc cancels)</source>
        <translation>Editing a question (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="786"/>
        <source>The model is still loading; ask again in a moment.</source>
        <translation>The model is still loading; ask again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="791"/>
        <source>No model is available.</source>
        <translation>No model is available.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="791"/>
        <source>Set one up in Settings &gt; Models.</source>
        <translation>Set one up in Settings &gt; Models.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="874"/>
        <source>The answer reached the length limit.</source>
        <translation>The answer reached the length limit.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="885"/>
        <source>Answered in {0:.1f} s</source>
        <translation>Answered in {0:.1f} s</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="887"/>
        <source>, {0} tokens</source>
        <translation>, {0} tokens</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="970"/>
        <source>{0} location(s) the model marked (its estimate)</source>
        <translation>{0} location(s) the model marked (its estimate)</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="118"/>
        <source>Waiting for the model…</source>
        <translation>Waiting for the model…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="130"/>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="175"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="175"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="175"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="184"/>
        <source>▼ Thinking ({0} words)</source>
        <translation>▼ Thinking ({0} words)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="187"/>
        <source>▶ Thinking ({0} words)</source>
        <translation>▶ Thinking ({0} words)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="211"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="211"/>
        <source>Failed.</source>
        <translation>Failed.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="217"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="219"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="221"/>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="223"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="225"/>
        <source>Show on screen</source>
        <translation>Show on screen</translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="163"/>
        <source>Quick question</source>
        <translation>Quick question</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="170"/>
        <source>Ask quickly…</source>
        <translation>Ask quickly…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="172"/>
        <source>Full window</source>
        <translation>Full window</translation>
    </message>
</context>
</TS>
