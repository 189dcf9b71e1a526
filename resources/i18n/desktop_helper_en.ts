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
        <location filename="../../desktop_helper/ui/backend_service.py" line="101"/>
        <location filename="../../desktop_helper/ui/backend_service.py" line="120"/>
        <source>Ready: {0}</source>
        <translation>Ready: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="135"/>
        <source>Loading the model: {0} ({1:.0%})</source>
        <translation>Loading the model: {0} ({1:.0%})</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="225"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="275"/>
        <source>New chat</source>
        <extracomment>tools the model may call while answering (screen, zoom, windows); set by the app</extracomment>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="280"/>
        <source>Search history…</source>
        <translation>Search history…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="307"/>
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="313"/>
        <source>Low detail</source>
        <translation>Low detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="314"/>
        <source>Medium detail</source>
        <translation>Medium detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="315"/>
        <source>High detail</source>
        <translation>High detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="316"/>
        <source>Max detail</source>
        <translation>Max detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="326"/>
        <source>System prompt…</source>
        <translation>System prompt…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="329"/>
        <source>Mini</source>
        <translation>Mini</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="330"/>
        <source>A small always-on-top window for quick questions</source>
        <translation>A small always-on-top window for quick questions</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="352"/>
        <source>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</source>
        <translation>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="358"/>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="363"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="366"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="433"/>
        <source>The app was closed while this answer was being written.</source>
        <translation>The app was closed while this answer was being written.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="452"/>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="458"/>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="476"/>
        <source>Wait for the answer to finish, or stop it, first.</source>
        <translation>Wait for the answer to finish, or stop it, first.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="505"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="506"/>
        <location filename="../../desktop_helper/ui/chat_window.py" line="517"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="507"/>
        <source>Export as Markdown…</source>
        <translation>Export as Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="508"/>
        <source>Export as JSON…</source>
        <translation>Export as JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="513"/>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="513"/>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="517"/>
        <source>Delete this conversation and its attachments?</source>
        <translation>Delete this conversation and its attachments?</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="523"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="532"/>
        <source>Export failed: {0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="562"/>
        <source>≈ {0} image tokens (≤ {1} per image)</source>
        <translation>≈ {0} image tokens (≤ {1} per image)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="567"/>
        <source>No backend</source>
        <translation>No backend</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="574"/>
        <source>Local model</source>
        <translation>Local model</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="636"/>
        <source>System prompt</source>
        <translation>System prompt</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="636"/>
        <source>Instructions for this conversation:</source>
        <translation>Instructions for this conversation:</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="665"/>
        <source>{0}: only {1} will be sent.</source>
        <translation>{0}: only {1} will be sent.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="666"/>
        <source>Use its Pages… button to choose other pages.</source>
        <translation>Use its Pages… button to choose other pages.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="676"/>
        <source>{0}: cannot be read ({1}).</source>
        <translation>{0}: cannot be read ({1}).</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="681"/>
        <source>Reading {0} file(s)…</source>
        <translation>Reading {0} file(s)…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="690"/>
        <source>pasted image {0}</source>
        <translation>pasted image {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="697"/>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="699"/>
        <source>Supported files ({0});;All files (*)</source>
        <translation>Supported files ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="707"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="707"/>
        <source>Pages of {0} to send (e.g. 3-12):</source>
        <translation>Pages of {0} to send (e.g. 3-12):</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="754"/>
        <source>An answer is still being written; stop it first.</source>
        <translation>An answer is still being written; stop it first.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="757"/>
        <source>Files are still being read; send again in a moment.</source>
        <translation>Files are still being read; send again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="806"/>
        <source>Editing a question (Esc cancels)</source>
        <translation>Editing a question (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="833"/>
        <source>The model is still loading; ask again in a moment.</source>
        <translation>The model is still loading; ask again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="838"/>
        <source>No model is available.</source>
        <translation>No model is available.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="838"/>
        <source>Set one up in Settings &gt; Models.</source>
        <translation>Set one up in Settings &gt; Models.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="900"/>
        <source>The model used: {0}</source>
        <translation>The model used: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="927"/>
        <source>The answer reached the length limit.</source>
        <translation>The answer reached the length limit.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="938"/>
        <source>Answered in {0:.1f} s</source>
        <translation>Answered in {0:.1f} s</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="940"/>
        <source>, {0} tokens</source>
        <translation>, {0} tokens</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="1029"/>
        <source>{0} location(s) the model marked (its estimate)</source>
        <translation>{0} location(s) the model marked (its estimate)</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="105"/>
        <source>Show {0} earlier messages</source>
        <extracomment>messages rendered when a conversation opens (older ones behind a &quot;Show earlier&quot; link)</extracomment>
        <translation>Show {0} earlier messages</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="141"/>
        <source>Waiting for the model…</source>
        <translation>Waiting for the model…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="153"/>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="198"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="198"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="198"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="207"/>
        <source>▼ Thinking ({0} words)</source>
        <translation>▼ Thinking ({0} words)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="210"/>
        <source>▶ Thinking ({0} words)</source>
        <translation>▶ Thinking ({0} words)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="238"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="238"/>
        <source>Failed.</source>
        <translation>Failed.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="244"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="246"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="248"/>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="250"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="252"/>
        <source>Show on screen</source>
        <translation>Show on screen</translation>
    </message>
</context>
<context>
    <name>FindPrompt</name>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="49"/>
        <source>What should I find on the screen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="51"/>
        <source>e.g. the Save button, every error message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="165"/>
        <source>Quick question</source>
        <translation>Quick question</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="172"/>
        <source>Ask quickly…</source>
        <translation>Ask quickly…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="174"/>
        <source>Full window</source>
        <translation>Full window</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="60"/>
        <source>&lt;h2&gt;Set up a model&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="64"/>
        <source>The assistant needs a vision model. Run GLM-4.6V-Flash on this computer (private, works offline, needs memory), or use an API provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="80"/>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="90"/>
        <source>Use GGUF files I already have…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="92"/>
        <source>Set up an API provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="105"/>
        <source>{0} (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="117"/>
        <source>Not enough free disk space for this download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="118"/>
        <source>Resume download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="118"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="133"/>
        <source>Starting the download of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="146"/>
        <source>Stopping… the part already downloaded is kept and the download can resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="169"/>
        <source>Download stopped. Choose Download again to resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="173"/>
        <source>The download failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="185"/>
        <source>Choose the model GGUF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="185"/>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="189"/>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="189"/>
        <source>Choose its vision projector (mmproj) GGUF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="201"/>
        <source>Memory: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="202"/>
        <source>{0} is ready. {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="97"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsSchema</name>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="15"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="16"/>
        <source>Hotkeys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="17"/>
        <source>Models and providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="18"/>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="19"/>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="20"/>
        <source>GUI agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="21"/>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="22"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="23"/>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="24"/>
        <source>Start Desktop Helper when you log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="25"/>
        <source>After a capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="26"/>
        <source>Open the capture in the chat window, or ask about it in a small quick-ask prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="27"/>
        <source>Show chat on start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="28"/>
        <source>Open the chat window when the app starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="29"/>
        <source>Global hotkeys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="30"/>
        <source>Listen for global hotkeys (not possible on pure Wayland).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="31"/>
        <source>Region capture and ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="32"/>
        <source>Select a region, then ask about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="33"/>
        <source>Full-screen capture and ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="34"/>
        <source>Capture the monitor under the cursor, then ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="35"/>
        <source>Start/stop recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="36"/>
        <source>Start or stop a screen recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="37"/>
        <source>Show/hide chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="38"/>
        <source>Show or hide the chat window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="39"/>
        <source>Find on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="40"/>
        <source>Ask what to find and draw it on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="41"/>
        <source>Ask for a task and let the GUI agent work on it, step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="42"/>
        <source>Stop agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="43"/>
        <source>Stop the GUI agent and hide overlays at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="44"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="45"/>
        <source>Run the model on this computer (local_gguf) or on an API provider (openai_compat).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="46"/>
        <source>Local model (GGUF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="47"/>
        <source>Path of the GLM-4.6V-Flash text model GGUF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="48"/>
        <source>Vision projector (mmproj GGUF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="49"/>
        <source>Path of the matching mmproj GGUF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="50"/>
        <source>CPU threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="51"/>
        <source>Threads for text and vision (0: automatic).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="52"/>
        <source>Context size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="53"/>
        <source>Tokens the local model can keep in mind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="54"/>
        <source>GPU layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="55"/>
        <source>Layers to offload to the GPU (-1: all that fit, 0: CPU only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="56"/>
        <source>Flash attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="57"/>
        <source>Faster attention where the hardware supports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="58"/>
        <source>Image token budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="59"/>
        <source>Most tokens one image may use (0: chosen from your hardware). Fewer is faster, more sees finer detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="60"/>
        <source>Thinking</source>
        <translation type="unfinished">Thinking</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="61"/>
        <source>Let the model reason before it answers (slower, often better).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="62"/>
        <source>Longest answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="63"/>
        <source>Most tokens one chat answer may use (0: the backend&apos;s default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="64"/>
        <source>Capture delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="65"/>
        <source>Seconds to wait before capturing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="66"/>
        <source>Copy captures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="67"/>
        <source>Copy every capture to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="68"/>
        <source>Save captures to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="69"/>
        <source>Folder where captures are saved (empty: do not save).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="70"/>
        <source>Recording frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="71"/>
        <source>Frames per second of screen recordings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="72"/>
        <source>Capture on release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="73"/>
        <source>Capture as soon as you release the mouse after dragging a region (off: adjust it with the handles and arrow keys, then press Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="74"/>
        <source>Save recordings to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="75"/>
        <source>Folder for screen recordings (empty: the Videos folder, else the app&apos;s data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="76"/>
        <source>Longest recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="77"/>
        <source>Recordings stop by themselves after this many seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="78"/>
        <source>Overlay time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="79"/>
        <source>Seconds boxes stay on the screen (0: until Esc).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="80"/>
        <source>Act without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="81"/>
        <source>Perform each proposed action after a countdown instead of waiting for Confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="82"/>
        <source>Screen tools in chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="83"/>
        <source>Let the model take a screenshot, zoom into a region or list the open windows while it answers a chat question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="84"/>
        <source>Step limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="85"/>
        <source>The agent stops after this many steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="86"/>
        <source>Auto-mode countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="87"/>
        <source>Seconds to wait before each action in auto mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="88"/>
        <source>Keep history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="89"/>
        <source>Save conversations on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="90"/>
        <source>Log prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="91"/>
        <source>Write prompts and answers to the log file (for debugging).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="92"/>
        <source>Language of the interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="93"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="94"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="95"/>
        <source>Open in chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="96"/>
        <source>Quick-ask prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="97"/>
        <source>This computer (GGUF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="98"/>
        <source>API provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="99"/>
        <source>API providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="100"/>
        <source> (takes effect after a restart)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="30"/>
        <source>Screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="31"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="32"/>
        <location filename="../../desktop_helper/ui/tray.py" line="57"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="33"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="34"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="35"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="61"/>
        <source>{0}: recording {1}:{2:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="62"/>
        <source>Stop recording ({0}:{1:02d})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/welcome.py" line="22"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_MonitorWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="144"/>
        <source>Drag to select · click a window to take it · Enter to confirm · Esc to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="146"/>
        <source> · L: last region</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
