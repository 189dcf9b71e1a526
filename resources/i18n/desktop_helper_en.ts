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
        <location filename="../../desktop_helper/ui/backend_service.py" line="83"/>
        <source>Loading {0}…</source>
        <translation>Loading {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="100"/>
        <location filename="../../desktop_helper/ui/backend_service.py" line="119"/>
        <source>Ready: {0}</source>
        <translation>Ready: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="134"/>
        <source>Loading the model: {0} ({1:.0%})</source>
        <translation>Loading the model: {0} ({1:.0%})</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="283"/>
        <source>New chat</source>
        <extracomment>tools the model may call while answering (screen, zoom, windows); set by the app</extracomment>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="288"/>
        <source>Search history…</source>
        <translation>Search history…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="313"/>
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="319"/>
        <source>Low detail</source>
        <translation>Low detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="320"/>
        <source>Medium detail</source>
        <translation>Medium detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="321"/>
        <source>High detail</source>
        <translation>High detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="322"/>
        <source>Max detail</source>
        <translation>Max detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="332"/>
        <source>System prompt…</source>
        <translation>System prompt…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="335"/>
        <source>Mini</source>
        <translation>Mini</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="336"/>
        <source>A small always-on-top window for quick questions</source>
        <translation>A small always-on-top window for quick questions</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="358"/>
        <source>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</source>
        <translation>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="364"/>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="369"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="372"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="440"/>
        <source>The app was closed while this answer was being written.</source>
        <translation>The app was closed while this answer was being written.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="459"/>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="465"/>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="483"/>
        <source>Wait for the answer to finish, or stop it, first.</source>
        <translation>Wait for the answer to finish, or stop it, first.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="512"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="513"/>
        <location filename="../../desktop_helper/ui/chat_window.py" line="524"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="514"/>
        <source>Export as Markdown…</source>
        <translation>Export as Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="515"/>
        <source>Export as JSON…</source>
        <translation>Export as JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="520"/>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="520"/>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="524"/>
        <source>Delete this conversation and its attachments?</source>
        <translation>Delete this conversation and its attachments?</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="530"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="539"/>
        <source>Export failed: {0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="569"/>
        <source>≈ {0} image tokens (≤ {1} per image)</source>
        <translation>≈ {0} image tokens (≤ {1} per image)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="574"/>
        <source>No backend</source>
        <translation>No backend</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="581"/>
        <source>Local model</source>
        <translation>Local model</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="643"/>
        <source>System prompt</source>
        <translation>System prompt</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="643"/>
        <source>Instructions for this conversation:</source>
        <translation>Instructions for this conversation:</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="672"/>
        <source>{0}: only {1} will be sent.</source>
        <translation>{0}: only {1} will be sent.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="673"/>
        <source>Use its Pages… button to choose other pages.</source>
        <translation>Use its Pages… button to choose other pages.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="683"/>
        <source>{0}: cannot be read ({1}).</source>
        <translation>{0}: cannot be read ({1}).</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="688"/>
        <source>Reading {0} file(s)…</source>
        <translation>Reading {0} file(s)…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="697"/>
        <source>pasted image {0}</source>
        <translation>pasted image {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="704"/>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="706"/>
        <source>Supported files ({0});;All files (*)</source>
        <translation>Supported files ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="714"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="714"/>
        <source>Pages of {0} to send (e.g. 3-12):</source>
        <translation>Pages of {0} to send (e.g. 3-12):</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="761"/>
        <source>An answer is still being written; stop it first.</source>
        <translation>An answer is still being written; stop it first.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="764"/>
        <source>Files are still being read; send again in a moment.</source>
        <translation>Files are still being read; send again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="813"/>
        <source>Editing a question (Esc cancels)</source>
        <translation>Editing a question (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="840"/>
        <source>The model is still loading; ask again in a moment.</source>
        <translation>The model is still loading; ask again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="845"/>
        <source>No model is available.</source>
        <translation>No model is available.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="845"/>
        <source>Set one up in Settings &gt; Models.</source>
        <translation>Set one up in Settings &gt; Models.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="907"/>
        <source>The model used: {0}</source>
        <translation>The model used: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="934"/>
        <source>The answer reached the length limit.</source>
        <translation>The answer reached the length limit.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="945"/>
        <source>Answered in {0:.1f} s</source>
        <translation>Answered in {0:.1f} s</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="947"/>
        <source>, {0} tokens</source>
        <translation>, {0} tokens</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="1036"/>
        <source>{0} location(s) the model marked (its estimate)</source>
        <translation>{0} location(s) the model marked (its estimate)</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="106"/>
        <source>Show {0} earlier messages</source>
        <extracomment>messages rendered when a conversation opens (older ones behind a &quot;Show earlier&quot; link)</extracomment>
        <translation>Show {0} earlier messages</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="142"/>
        <source>Waiting for the model…</source>
        <translation>Waiting for the model…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="154"/>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="199"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="199"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="199"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="208"/>
        <source>▼ Thinking ({0} words)</source>
        <translation>▼ Thinking ({0} words)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="211"/>
        <source>▶ Thinking ({0} words)</source>
        <translation>▶ Thinking ({0} words)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="239"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="239"/>
        <source>Failed.</source>
        <translation>Failed.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="245"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="247"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="249"/>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="251"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="253"/>
        <source>Show on screen</source>
        <translation>Show on screen</translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="166"/>
        <source>Quick question</source>
        <translation>Quick question</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="173"/>
        <source>Ask quickly…</source>
        <translation>Ask quickly…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="175"/>
        <source>Full window</source>
        <translation>Full window</translation>
    </message>
</context>
</TS>
