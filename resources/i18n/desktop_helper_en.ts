<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentSession</name>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="49"/>
        <source>Agent done</source>
        <extracomment>how long the worker waits for our windows to disappear before capturing anyway time for the X server / compositor to unmap hidden windows before a capture the final panel&apos;s title for each way a run ends (RunOutcome.status)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="50"/>
        <source>Agent gave up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="51"/>
        <location filename="../../desktop_helper/ui/agent_session.py" line="52"/>
        <location filename="../../desktop_helper/ui/agent_session.py" line="295"/>
        <source>Agent stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="53"/>
        <source>Agent stopped by an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="54"/>
        <source>Agent finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="266"/>
        <source>Step {0}: acting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="295"/>
        <source>Stopped.</source>
        <translation type="unfinished">Stopped.</translation>
    </message>
</context>
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
    <name>BackendBox</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="59"/>
        <source>Local model</source>
        <translation type="unfinished">Local model</translation>
    </message>
</context>
<context>
    <name>BackendService</name>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="83"/>
        <source>local model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="84"/>
        <source>Loading {0}…</source>
        <translation>Loading {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="102"/>
        <location filename="../../desktop_helper/ui/backend_service.py" line="121"/>
        <source>Ready: {0}</source>
        <translation>Ready: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="125"/>
        <source>{0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="144"/>
        <source>Loading the model: {0} ({1:.0%})</source>
        <translation>Loading the model: {0} ({1:.0%})</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="471"/>
        <source>Recovered a recording interrupted at {0} ({1} s): {2}</source>
        <extracomment>time for the window system to repaint after we hide our own windows, before grabbing Qt&apos;s own top-level widget of the tray icon on X11 (embedded in the panel): hidden, the panel lets go of it and showing it again does not bring it back, so it is never hidden (it is not on our windows anyway, it sits in the panel) the app&apos;s overlay (set by the app once built): hidden through it, so it knows its shapes are off the screen the border, timer and Stop button around a running recording (outside the recorded area)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="110"/>
        <source>Chat</source>
        <extracomment>the chat&apos;s size (logical px) until the user resizes it, within the screen&apos;s room</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="57"/>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="62"/>
        <source>Search history…</source>
        <translation>Search history…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="171"/>
        <source>Thinking</source>
        <extracomment>what the controls read: the app&apos;s settings, or the schema&apos;s defaults for a window without them the data side: requests, the answer streaming into the history, the images sent tools the model may call while answering (screen, zoom, windows); set by the app reads the attached images into the local model while the question is typed (issue 20)</extracomment>
        <translation>Thinking</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="84"/>
        <source>Low detail</source>
        <translation>Low detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="85"/>
        <source>Medium detail</source>
        <translation>Medium detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="86"/>
        <source>High detail</source>
        <translation>High detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="87"/>
        <source>Max detail</source>
        <translation>Max detail</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="181"/>
        <source>System prompt…</source>
        <translation>System prompt…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="184"/>
        <source>Mini</source>
        <translation>Mini</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="187"/>
        <source>A small always-on-top window for quick questions</source>
        <translation>A small always-on-top window for quick questions</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="220"/>
        <source>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</source>
        <translation>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="227"/>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="232"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="235"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="334"/>
        <source>The app was closed while this answer was being written.</source>
        <translation>The app was closed while this answer was being written.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="89"/>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="96"/>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="356"/>
        <source>Wait for the answer to finish, or stop it, first.</source>
        <translation>Wait for the answer to finish, or stop it, first.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="113"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="114"/>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="132"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="115"/>
        <source>Export as Markdown…</source>
        <translation>Export as Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="116"/>
        <source>Export as JSON…</source>
        <translation>Export as JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="123"/>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="124"/>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="133"/>
        <source>Delete this conversation and its attachments?</source>
        <translation>Delete this conversation and its attachments?</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="143"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="154"/>
        <source>Export failed: {0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="115"/>
        <source>≈ {0} image tokens (≤ {1} per image)</source>
        <translation>≈ {0} image tokens (≤ {1} per image)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="119"/>
        <source>first answer: measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="121"/>
        <source>first answer in ≈ {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/durations.py" line="11"/>
        <source>under a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/durations.py" line="14"/>
        <source>{0} min {1} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/durations.py" line="15"/>
        <source>{0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="185"/>
        <source>Reading the image… {0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="193"/>
        <source>Image read: the answer starts as soon as you send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="204"/>
        <source>The image could not be read ahead: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_picker.py" line="66"/>
        <source>No backend</source>
        <translation>No backend</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="427"/>
        <source>System prompt</source>
        <translation>System prompt</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="427"/>
        <source>Instructions for this conversation:</source>
        <translation>Instructions for this conversation:</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="129"/>
        <source>{0}: only {1} will be sent.</source>
        <translation>{0}: only {1} will be sent.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="130"/>
        <source>Use its Pages… button to choose other pages.</source>
        <translation>Use its Pages… button to choose other pages.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="140"/>
        <source>{0}: cannot be read ({1}).</source>
        <translation>{0}: cannot be read ({1}).</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="435"/>
        <source>Reading 1 file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="435"/>
        <source>Reading {0} files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="629"/>
        <source>Stopped after {0:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="631"/>
        <source>The answer failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/message_actions.py" line="72"/>
        <source>Your question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/message_actions.py" line="74"/>
        <source>The answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/answer_boxes.py" line="83"/>
        <source>1 location the model marked (its estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/answer_boxes.py" line="85"/>
        <source>{0} locations the model marked (its estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="74"/>
        <source>pasted image {0}</source>
        <extracomment>what the file picker offers</extracomment>
        <translation>pasted image {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="81"/>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="83"/>
        <source>Supported files ({0});;All files (*)</source>
        <translation>Supported files ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="92"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="93"/>
        <source>Pages of {0} to send (e.g. 3-12):</source>
        <translation>Pages of {0} to send (e.g. 3-12):</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="454"/>
        <source>An answer is still being written; stop it first.</source>
        <translation>An answer is still being written; stop it first.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="457"/>
        <source>Files are still being read; send again in a moment.</source>
        <translation>Files are still being read; send again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="506"/>
        <source>Editing a question (Esc cancels)</source>
        <translation>Editing a question (Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="534"/>
        <source>The model is still loading; ask again in a moment.</source>
        <translation>The model is still loading; ask again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="541"/>
        <source>No model is available.</source>
        <translation>No model is available.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="541"/>
        <source>Set one up in Settings &gt; Models.</source>
        <translation>Set one up in Settings &gt; Models.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="579"/>
        <source>Waiting for the model…</source>
        <translation type="unfinished">Waiting for the model…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="593"/>
        <source>Writing the answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="600"/>
        <source>Thinking…</source>
        <translation type="unfinished">Thinking…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="607"/>
        <source>The model used: {0}</source>
        <translation>The model used: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="612"/>
        <source>The answer reached the length limit.</source>
        <translation>The answer reached the length limit.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="622"/>
        <source>Answered in {0:.1f} s</source>
        <translation>Answered in {0:.1f} s</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="624"/>
        <source>, {0} tokens</source>
        <translation>, {0} tokens</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="143"/>
        <source>Show {0} earlier messages</source>
        <extracomment>messages rendered when a conversation opens (older ones behind a &quot;Show earlier&quot; link) streamed deltas that arrive within this many milliseconds are rendered together (one frame)</extracomment>
        <translation>Show {0} earlier messages</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="181"/>
        <source>Waiting for the model…</source>
        <translation>Waiting for the model…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="225"/>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="271"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="271"/>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="271"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="280"/>
        <source>▼ Thinking ({0} words)</source>
        <translation>▼ Thinking ({0} words)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="284"/>
        <source>▶ Thinking ({0} words)</source>
        <translation>▶ Thinking ({0} words)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="295"/>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="313"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="313"/>
        <source>Failed.</source>
        <translation>Failed.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="326"/>
        <source> … ({0} characters not shown) … </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="329"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="332"/>
        <source>Show full text ({0} KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="334"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="336"/>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="338"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="340"/>
        <source>Show on screen</source>
        <translation>Show on screen</translation>
    </message>
</context>
<context>
    <name>FindPrompt</name>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="53"/>
        <source>What should I find on the screen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="55"/>
        <source>e.g. the Save button, every error message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FullTextViewer</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="221"/>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="223"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HotkeyEdit</name>
    <message>
        <location filename="../../desktop_helper/ui/hotkey_edit.py" line="90"/>
        <source>No hotkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/hotkey_edit.py" line="112"/>
        <source>Press the keys… (Esc cancels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/hotkey_edit.py" line="114"/>
        <source>None: click and press keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>McpHost</name>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="150"/>
        <source>{0}: an MCP client was {1} ({2})</source>
        <extracomment>a notice that an MCP client uses the screen comes again after this many quiet seconds what each tool does, for the tooltip and the notice the replies of calls running on worker threads, with the token that stops their model</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="233"/>
        <source>An MCP client asks to act on the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="242"/>
        <source>(the MCP client gave no reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="247"/>
        <source>MCP client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="307"/>
        <source>Step {number}: looking at the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="314"/>
        <source>Step {number}: the model is deciding what to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="402"/>
        <source>Step {number}: {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="420"/>
        <source>Step {number}: waiting for the screen to settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="311"/>
        <location filename="../../desktop_helper/agent/loop.py" line="320"/>
        <location filename="../../desktop_helper/agent/loop.py" line="392"/>
        <location filename="../../desktop_helper/agent/loop.py" line="292"/>
        <location filename="../../desktop_helper/agent/loop.py" line="294"/>
        <location filename="../../desktop_helper/agent/loop.py" line="411"/>
        <location filename="../../desktop_helper/agent/loop.py" line="272"/>
        <source>Stopped.</source>
        <translation type="unfinished">Stopped.</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="353"/>
        <source>Done: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="361"/>
        <source>The model says the task cannot be done: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="363"/>
        <source>The model says the task cannot be done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="368"/>
        <source>Step {number}: waiting {wait_seconds:g} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="285"/>
        <source>The agent stopped because of an internal error: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="334"/>
        <source>Could not understand the model {unreadable} times in a row; the run ended. Rephrase the task or try a larger model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="276"/>
        <source>Stopped after the step limit of {max_steps} steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="146"/>
        <source>Give up: the task cannot be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="96"/>
        <source> on {element!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="112"/>
        <source>Click{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="113"/>
        <source>Double-click{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="114"/>
        <source>Right-click{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="115"/>
        <source>Middle-click{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="116"/>
        <source>Move the mouse{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="131"/>
        <source>Press {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="133"/>
        <source>Type {content!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="143"/>
        <source>Wait 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="145"/>
        <source>Finish: the task is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="136"/>
        <source>Scroll up 1 notch{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="137"/>
        <source>Scroll down 1 notch{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="138"/>
        <source>Scroll up {steps} notches{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="139"/>
        <source>Scroll down {steps} notches{target}{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="66"/>
        <source>The screen cannot be captured: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/tools.py" line="324"/>
        <source>There is no monitor {monitor_number}; this computer has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="85"/>
        <source>The app&apos;s folders could not be created ({folders_problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="86"/>
        <source>Settings and history are kept in memory only until you quit. Check the folder permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="161"/>
        <source>No system tray was found, so the chat window stays open instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="162"/>
        <source>Use the window or the desktop-helper command (e.g. bind &apos;desktop-helper capture region&apos; to a shortcut).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="137"/>
        <source>Another copy may be starting; cannot accept commands from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="140"/>
        <source>Commands from the command line are off: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="347"/>
        <source>Start at login could not be changed: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="256"/>
        <source>--region needs a positive width and height.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="256"/>
        <location filename="../../desktop_helper/ask.py" line="253"/>
        <source>For example: --region 100,200,800,600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="253"/>
        <source>--region must be X,Y,W,H in pixels, not {text!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="372"/>
        <source>The screen could not be captured: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="280"/>
        <source>The region {as_ints} is not on any monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="280"/>
        <source>Check the coordinates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="286"/>
        <source>There is no monitor {monitor} (found {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="287"/>
        <source>Use 1 to {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/__init__.py" line="29"/>
        <source>Unknown backend {name!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/__init__.py" line="29"/>
        <source>Choose one of: {join}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/__init__.py" line="36"/>
        <source>The {name} backend is not available: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/__init__.py" line="37"/>
        <source>Reinstall desktop-helper with its dependencies (uv sync).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="353"/>
        <location filename="../../desktop_helper/backends/factory.py" line="249"/>
        <source>No model is set up yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="76"/>
        <source>The scripted backend file {path} cannot be read: {strerror}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="77"/>
        <location filename="../../desktop_helper/backends/factory.py" line="88"/>
        <source>Unset {scripted_env}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="87"/>
        <source>The scripted backend file {path} is malformed: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="49"/>
        <source>The model file has no chat template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="49"/>
        <source>Use a GLM-4.6V-Flash GGUF that embeds its chat template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="99"/>
        <source>The chat template placed {count} images but the conversation has {count2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="100"/>
        <source>Use an unmodified GLM-4.6V-Flash GGUF; its template marks each image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="59"/>
        <source>The model&apos;s chat template is invalid: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="59"/>
        <source>Use an unmodified GLM-4.6V-Flash GGUF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="94"/>
        <source>The chat template could not render this conversation: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="94"/>
        <source>Start a new chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="316"/>
        <source>Checking the model files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="362"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="386"/>
        <source>Loading {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="502"/>
        <source>Model ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="575"/>
        <source>There is nothing to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="575"/>
        <source>Type a question first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="577"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="636"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="311"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="591"/>
        <source>The local model was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="577"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="636"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="311"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="591"/>
        <source>Restart the model from Settings &gt; Models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="374"/>
        <source>llama.cpp failed to process the prompt (error {result}): the context may be full or memory exhausted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="378"/>
        <source>Start a new chat, or lower the context size or image token budget in Settings &gt; Models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="188"/>
        <location filename="../../desktop_helper/media/images.py" line="321"/>
        <source>Use a PNG, JPEG or WebP image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="401"/>
        <source>The file may be damaged or too large for the free memory: check the memory estimate, close other programs, or pick a smaller quantization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="417"/>
        <source>Allocating the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="584"/>
        <source>Waiting for the previous answer to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_generation.py" line="105"/>
        <source>The conversation needs {prompt_cells:,} tokens but the context holds {n_ctx:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_generation.py" line="110"/>
        <source>Start a new chat, lower the image token budget, or raise the context size in Settings &gt; Models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="158"/>
        <source>The prompt could not be prepared for the model (mtmd error {result}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="159"/>
        <source>Try again with fewer or smaller images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="427"/>
        <source>Lower the context size in Settings &gt; Models, or close other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="430"/>
        <source>Loading the vision projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_generation.py" line="95"/>
        <source>Reading 1 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_generation.py" line="95"/>
        <source>Reading {count} images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="181"/>
        <source>Image {value}{label} could not be handed to llama.cpp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="182"/>
        <source>Check the free memory, or try a smaller image token budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="272"/>
        <source>Encoding image {images_done} ({n_cells} tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="340"/>
        <source>llama.cpp could not process image {images_done} (error {result}); the computer may be out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="345"/>
        <source>Lower the image token budget or the context size in Settings &gt; Models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="293"/>
        <source>Reading the prompt ({end}/{total} tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="398"/>
        <source>llama.cpp could not load {name}. {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="448"/>
        <source>Use the mmproj file published with this model, and check the free memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="453"/>
        <source>{name} has no vision encoder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="454"/>
        <source>Choose the model&apos;s vision mmproj file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="421"/>
        <source>Not enough memory for a {n_ctx}-token context with {name}. {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="442"/>
        <source>llama.cpp could not use the vision projector {mmproj} with {model}. {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="199"/>
        <source>Check that the base URL is the API root of an OpenAI-compatible server (for example http://localhost:8080/v1) and that no proxy in between changes its replies; the server&apos;s log may say more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="392"/>
        <source>lower the image token budget (Settings &gt; Models and providers, or --image-budget), ask about a region instead of the whole screen, or start a new chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="294"/>
        <source>The image could not be made small enough for the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="294"/>
        <source>Capture a smaller region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="211"/>
        <source>sent an answer in a shape this app cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="624"/>
        <source>sent an answer piece that is not text ({excerpt})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="245"/>
        <source>ended its reply without sending any answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="246"/>
        <source>The server&apos;s log says why. Often the request is too big for the server&apos;s context (llama-cpp-python&apos;s server ends the reply this way): start the server with a bigger context (e.g. --n_ctx 8192, or llama-server -c 8192), or send less: lower the image token budget or ask about a region instead of the whole screen. Also check that the base URL is the server&apos;s OpenAI-compatible API root (for example http://localhost:8080/v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="374"/>
        <source>Talking to {where} failed: {redact}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="374"/>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="371"/>
        <source>Ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="381"/>
        <source>: it needs {needed} tokens, and the server&apos;s context holds {available}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="398"/>
        <source>Send less: {send_less}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="400"/>
        <source>Start the server with a bigger context ({server_side}), or send less: {send_less}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="405"/>
        <source>The request is too big for the context of {where}{sizes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_request.py" line="146"/>
        <source>{name} cannot take this video file, and no frames were sampled from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_request.py" line="147"/>
        <source>Record a shorter video, or use a provider that accepts video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="208"/>
        <source>sent a line that is not JSON ({excerpt})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="210"/>
        <source>sent bytes that are not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="605"/>
        <source>sent an answer in a shape this app cannot read ({excerpt})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="616"/>
        <source>sent choices that are not a list ({excerpt})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="390"/>
        <source>Check that the server is still running, then ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="235"/>
        <source>answered with {value} that holds no answer (expected a stream of events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="239"/>
        <source>Check that the base URL is the server&apos;s OpenAI-compatible API root (for example http://localhost:8080/v1); if it is, the server&apos;s log may say why it sent nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="455"/>
        <source>answered with a single JSON document instead of a stream of events ({quote})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="456"/>
        <source>Check that the base URL is the server&apos;s OpenAI-compatible API root and that the server supports streamed answers (stream: true).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="331"/>
        <source>{where} rejected the request (HTTP {status}{detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="332"/>
        <source>If it mentions the image, lower the image token budget; if it mentions the model, pick another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="336"/>
        <source>{where} did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="337"/>
        <source>Check that the server is running and not overloaded; the read timeout is {read_timeout:g} s and can be raised in the provider&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="347"/>
        <source>The secure (TLS) connection to {where} failed: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="348"/>
        <source>If the server uses a self-signed or private certificate, add it to your system&apos;s trusted certificates (or point SSL_CERT_FILE at it); for a local server without TLS, use an http:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="355"/>
        <source>Nothing is listening at {base_url} (connection refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="356"/>
        <source>Start the server, or check the host and port in the provider&apos;s base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="361"/>
        <source>Check the base URL and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="365"/>
        <source>Could not reach {where}: {redact}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="366"/>
        <source>Check the base URL, your network, and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="370"/>
        <source>{where} reported an error{value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="387"/>
        <source> of {available} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="412"/>
        <source>{where} sent no answer for {seconds:g} s (at most keep-alive signals): it seems stuck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="417"/>
        <source>Check the server&apos;s log and load, restart it if it stays stuck, then ask again. The wait is the read timeout ({seconds:g} s) in the provider&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="424"/>
        <source>{where} {redact}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="613"/>
        <source>reported an error: {said}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="613"/>
        <source>Look at the server&apos;s log, then ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="296"/>
        <source>Check that the server is running and not frozen (restart it if needed), then ask again. The wait is the response timeout ({response_timeout:g} s) in the provider&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="428"/>
        <source>answered with a web page (HTTP 200, {content_type}) instead of an API reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="429"/>
        <source>The base URL probably points at a website, a login page or a proxy rather than the API: use the server&apos;s OpenAI-compatible API root, for example http://localhost:8080/v1 (often ending in /v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="288"/>
        <source>{where} rejected the API key (HTTP 401{detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="289"/>
        <source>Check or replace the key in {key_hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="293"/>
        <source>{where} refused access with this key (HTTP 403{detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="294"/>
        <source>Check that your key and plan allow the model {model!r}, or replace the key in {key_hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="302"/>
        <source>{where} does not know the model {model!r}, or the base URL is wrong (HTTP 404{detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="308"/>
        <source>Pick a model from the server&apos;s list in Settings &gt; Models and providers, and check that the base URL is the API root (for example http://localhost:8000/v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="317"/>
        <source>{where} is limiting requests (HTTP 429{detail}).{wait}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="318"/>
        <source>Wait a little and ask again, or check your plan&apos;s quota and balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="322"/>
        <source>{where} says the request is too large (HTTP 413{detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="323"/>
        <source>Lower the image token budget in Settings, or send fewer images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="327"/>
        <source>{where} failed with a server error (HTTP {status}{detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="328"/>
        <source>Try again later; if it is your own server, look at its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="389"/>
        <source>: it needs {needed} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_request.py" line="138"/>
        <source>The video {path} cannot be read: {strerror}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_request.py" line="139"/>
        <source>Record or choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="279"/>
        <source>Waiting for {name} to start answering ({waited:.0f} s); it is still working on the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="284"/>
        <source>{where} needs an API key, and none is set (HTTP 401{detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="285"/>
        <source>Enter the key in {key_hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="206"/>
        <source>{name} answered HTTP {status_code}; retrying in {delay:.0f} s ({attempt} of {max_retries}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="298"/>
        <source>The capture ({shape}) is smaller than the {w}x{h} video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/catalog.py" line="100"/>
        <source>The best choice for most computers: the full GLM-4.6V-Flash vision model, compressed to about a third of its size with little loss in the quality of its answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/catalog.py" line="112"/>
        <source>A little more accurate, but it needs about 1.7 times the memory and answers more slowly on a computer without a graphics card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/memory.py" line="52"/>
        <source>about {total:.1f} GB of memory (weights {weights:.1f} GB, context {context:.2f} GB, compute {compute:.2f} GB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/memory.py" line="60"/>
        <source>{parts}; {available:.1f} GB of memory available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="446"/>
        <source>The base URL {base_url!r} of provider {name!r} is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="451"/>
        <source>Enter a URL like http://localhost:8000/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="455"/>
        <source>No model is chosen for provider {name!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="456"/>
        <source>Pick one in Settings &gt; Models and providers, or pass --api-model NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="470"/>
        <source>No API key is set for provider {name!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="471"/>
        <source>Enter it in Settings &gt; Models and providers, or set the environment variable {key_env_var}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="131"/>
        <source>Zhipu BigModel (mainland China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="181"/>
        <source>Custom server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="254"/>
        <source>A saved API provider has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="254"/>
        <source>Open Settings &gt; Models and providers and fix it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="428"/>
        <source>There is no API provider called {wanted!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="429"/>
        <source>Use one of: {join}; or add it in Settings &gt; Models and providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="127"/>
        <source>glm-4.6v-flash is free; glm-4.6v is the 106B model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="147"/>
        <source>Serve with --reasoning-parser glm45 --tool-call-parser glm45 --enable-auto-tool-choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="154"/>
        <source>Serve with --reasoning-parser glm --tool-call-parser glm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="162"/>
        <source>Pull a GLM-4.6V-Flash model that includes its vision projector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="169"/>
        <source>LM Studio may downscale images itself; grounding is better with full-size images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="177"/>
        <source>Start llama-server with --mmproj (the matching projector) and --jinja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="437"/>
        <source>No API provider is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="438"/>
        <source>Add one in Settings &gt; Models and providers, or pass --backend PRESET (e.g. zai, vllm, llamacpp).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="268"/>
        <source>The saved API provider {name!r} has an invalid {key}: {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="269"/>
        <source>Open Settings &gt; Models and providers and correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/crash.py" line="87"/>
        <source>Something went wrong: {summary}. Details were saved to {report}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="322"/>
        <source>The model failed: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="520"/>
        <source>Could not understand the model: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="322"/>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="27"/>
        <source>click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="28"/>
        <source>double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="29"/>
        <source>right-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="30"/>
        <source>middle-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="31"/>
        <source>hover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="109"/>
        <source> at ({x}, {y}){screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="121"/>
        <source>Drag{target} from ({x}, {y}) to ({x2}, {y2}){screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="103"/>
        <source> of screen {number} ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="105"/>
        <source> of screen {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="171"/>
        <source>drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="178"/>
        <source>scroll up x{steps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="180"/>
        <source>scroll down x{steps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="99"/>
        <source>Local model</source>
        <translation type="unfinished">Local model</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="175"/>
        <source>API provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="584"/>
        <source>Finishing reading the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="385"/>
        <source>The connection to {name} ({host_of}) broke before any answer arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="360"/>
        <source>The host {host_of} of {name} could not be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="289"/>
        <source>{name} ({host_of}) accepted the request but has not answered for {waited:.0f} s, and it does not answer a simple check either: it seems stuck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/crash.py" line="88"/>
        <source>Please report it with that file; the app keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/crash.py" line="93"/>
        <source>Something went wrong: {summary}. No report file could be written (is the disk full?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/crash.py" line="94"/>
        <source>The app keeps running. If it happens again, please report what you were doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="34"/>
        <source>Free some space; your answer is kept and will be saved when space returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="63"/>
        <source>{problem} This session&apos;s chats are kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="97"/>
        <source>The history database {db_path} cannot be written: {reason}. Your earlier conversations are shown, but this session&apos;s chats are kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="103"/>
        <source>Close the other program (or make the folder writable) and restart Desktop Helper to save history again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="146"/>
        <source>The history database {db_path} was damaged ({reason}). {recovered}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="152"/>
        <source>The damaged file was kept as {copy}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="38"/>
        <source>The disk is full: the history could not be saved to {db_path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="140"/>
        <source>There is space again: the history was saved to {db_path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="146"/>
        <source>The history file {db_path} was changed by another program while the disk was full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="147"/>
        <source>This session&apos;s new messages are kept in memory only until you quit; the file is left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/store.py" line="251"/>
        <source>The history database {db_path} was written by a newer version (schema {version}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/store.py" line="256"/>
        <source>Update Desktop Helper, or move the file aside to start a new history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/store.py" line="107"/>
        <source>The history database {db_path} cannot be opened: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/store.py" line="108"/>
        <source>Move the file aside to start a new history, or restore its backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="48"/>
        <source>{problem} It is left as it is; this session&apos;s chats are kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="49"/>
        <source>Update Desktop Helper to see and keep your history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="127"/>
        <source>The history database {db_path} is damaged ({reason}) and could not be replaced. This session&apos;s chats are kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="133"/>
        <source>Move the damaged file aside, or restore a backup of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ipc.py" line="103"/>
        <source>The program listening on {address} runs as another user, so your command was not sent to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ipc.py" line="107"/>
        <source>Quit that program (or ask an administrator to), then start Desktop Helper again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/attachment.py" line="83"/>
        <source>Attach images (PNG, JPEG, WebP, BMP, GIF), videos (MP4, MOV, MKV, WebM), PDF, PPTX/DOCX/ODP/ODT, or text files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="321"/>
        <source>Give {wanted} here; other files can be dropped into the chat window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="287"/>
        <source>{name}: the file is too large ({shown_size}; the limit for this kind of file is {shown_limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="293"/>
        <source>Attach a smaller file or a part of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="33"/>
        <source>{size}, first of {frames} frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="83"/>
        <source>{name}: the image is too large ({count}; the limit is {value:.0f} megapixels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="89"/>
        <location filename="../../desktop_helper/media/images.py" line="190"/>
        <location filename="../../desktop_helper/media/images.py" line="318"/>
        <source>Downscale or crop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="50"/>
        <source>1 frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="50"/>
        <source>{count} frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="51"/>
        <source>{frames} of {duration:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="339"/>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="339"/>
        <source>{count} lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="255"/>
        <source>{name}: this is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="255"/>
        <source>Attach the files inside it one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="266"/>
        <source>{name}: this is {what}, not a normal file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="266"/>
        <source>Attach a normal file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="268"/>
        <source>{name}: the file is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="268"/>
        <source>Attach a file with content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="101"/>
        <source>slide {first} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="119"/>
        <source>{name}: unsupported document type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="123"/>
        <source>{name}: {document_names} files are converted with LibreOffice, which is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="128"/>
        <source>Install LibreOffice (e.g. &apos;sudo apt install libreoffice-impress libreoffice-writer&apos;, or from libreoffice.org), or export the file as PDF and attach that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="337"/>
        <source>{name}: this looks like a binary file, not text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="157"/>
        <source>{name}: unsupported file type (not an image, video, PDF, document or UTF-8 text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="162"/>
        <source>{name}: the name says {suffix}, but the file contains plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="167"/>
        <source>Rename it to .txt to attach it as text, or attach the real file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="172"/>
        <source>{name}: this is {kind_names}, not {wanted}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="230"/>
        <source>{name}: the file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="230"/>
        <source>Check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="233"/>
        <location filename="../../desktop_helper/media/documents.py" line="241"/>
        <location filename="../../desktop_helper/media/documents.py" line="277"/>
        <location filename="../../desktop_helper/media/documents.py" line="141"/>
        <source>{name}: cannot read it ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="233"/>
        <location filename="../../desktop_helper/media/documents.py" line="241"/>
        <location filename="../../desktop_helper/media/documents.py" line="277"/>
        <location filename="../../desktop_helper/media/documents.py" line="141"/>
        <location filename="../../desktop_helper/models/gguf_info.py" line="139"/>
        <source>Check the file&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="69"/>
        <source>{name}: the image is damaged or truncated (a header or checksum is wrong, or the format is unknown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="70"/>
        <location filename="../../desktop_helper/media/image_files.py" line="75"/>
        <source>Re-save the image and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="74"/>
        <source>{name}: the image is damaged or truncated ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="21"/>
        <source>{name}: the video cannot be opened (damaged or unsupported codec).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="22"/>
        <location filename="../../desktop_helper/media/video_files.py" line="27"/>
        <location filename="../../desktop_helper/media/video_files.py" line="45"/>
        <source>Re-encode it as H.264 MP4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="27"/>
        <source>{name}: the video has no readable frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="44"/>
        <source>{name}: no frame of the video could be decoded (damaged or truncated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="49"/>
        <source>{shown}: the PDF is damaged or truncated ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="50"/>
        <source>Re-export the PDF and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="55"/>
        <source>{shown}: the PDF has no pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="55"/>
        <source>Attach a PDF with content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="97"/>
        <source>1 slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="97"/>
        <source>{count} slides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="99"/>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="64"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="99"/>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="64"/>
        <source>{count} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="102"/>
        <source>page {first} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="104"/>
        <source>slides {first}-{last} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="106"/>
        <source>pages {first}-{last} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="162"/>
        <source>{name}: LibreOffice could not convert it (damaged or unsupported file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="163"/>
        <source>Export it as PDF yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="184"/>
        <source>{name}: the document is damaged or truncated ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="184"/>
        <source>Re-save it and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="333"/>
        <source>{name}: the text is not UTF-8 (invalid byte at position {start}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="334"/>
        <source>Save it as UTF-8 and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="149"/>
        <source>{name}: the content is not a valid {suffix} file (unrecognised or damaged data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="154"/>
        <source>Re-save or re-export the file and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="228"/>
        <source>{name}: the link points to a file that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="228"/>
        <source>Attach the file itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="46"/>
        <source>{shown}: the PDF is password-protected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="46"/>
        <source>Save an unprotected copy and attach that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="61"/>
        <source>{shown}: it has only {pages}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="66"/>
        <source>Choose pages between 1 and {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="71"/>
        <source>{shown}: at most {hard_max_pages} pages can be sent at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="72"/>
        <source>Choose a shorter page range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="152"/>
        <source>{name}: LibreOffice took too long to convert it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="152"/>
        <source>Export it as PDF yourself and attach that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="156"/>
        <source>{name}: LibreOffice could not be started ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="157"/>
        <source>Reinstall LibreOffice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="84"/>
        <source>{shown}: page {value} cannot be rendered ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="85"/>
        <source>Re-export the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/frames.py" line="34"/>
        <source>Unexpected pixel layout {shape}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/frames.py" line="65"/>
        <source>The capture could not be encoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="67"/>
        <source>The image is empty ({width}x{height} px).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="67"/>
        <source>Capture or choose another image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="71"/>
        <source>The image is too thin for the model ({width}x{height} px, aspect ratio above {max_aspect_ratio:g}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="77"/>
        <source>Crop it to a less elongated region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="81"/>
        <source>The image token budget must be at least 1, not {max_tokens}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="82"/>
        <source>Raise the image token budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="188"/>
        <location filename="../../desktop_helper/media/images.py" line="321"/>
        <source>Cannot decode {what}: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="190"/>
        <location filename="../../desktop_helper/media/images.py" line="318"/>
        <source>The image is too large to open safely: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="177"/>
        <source>Cannot read the image {path}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="178"/>
        <source>Check the path and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="660"/>
        <source>Cannot open the video {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="660"/>
        <source>Use an MP4, WebM or AVI file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="679"/>
        <source>The video {path} has no readable frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="110"/>
        <source>The frame rate must be at least 1, not {fps}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="112"/>
        <source>A recording needs something that grabs the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="118"/>
        <source>The region to record is too small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="118"/>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="99"/>
        <source>Select a larger region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="153"/>
        <source>There is not enough free space for a recording in {folder}: {megabytes} free, and a recording needs at least {megabytes2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="160"/>
        <source>Free some space or choose another folder in Settings &gt; Capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="324"/>
        <source>Check that the folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="147"/>
        <source>Cannot create the recordings folder {folder}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/record.py" line="187"/>
        <source>Agent: {task}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="354"/>
        <source>Pass --model FILE.gguf --mmproj MMPROJ.gguf, or choose a model in the app&apos;s Settings &gt; Models and providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="250"/>
        <source>Choose one in Settings &gt; Models and providers: a GLM-4.6V-Flash model file (GGUF) with its vision projector (mmproj), or an API provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="133"/>
        <source>CPU only (no usable GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="130"/>
        <source>CPU only (set to CPU in Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="132"/>
        <source>CPU only (GPU available but not used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="125"/>
        <source>GPU {devices}: {offloaded}/{total} layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="127"/>
        <source>GPU: {offloaded}/{total} layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="128"/>
        <source>{where}, vision encoder on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="330"/>
        <source>llama.cpp&apos;s compute libraries could not be loaded: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="331"/>
        <source>Reinstall Desktop Helper; if it persists, report it with the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="211"/>
        <source>The disk is almost full ({free} free; a recording keeps at least {kept} free), so the recording stopped. What was recorded so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="571"/>
        <source>Cannot write the video {partial}: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="148"/>
        <location filename="../../desktop_helper/media/recording.py" line="167"/>
        <source>Choose another folder in Settings &gt; Capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="166"/>
        <source>Cannot write in the recordings folder {folder}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="324"/>
        <source>Cannot write the video {path}: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="170"/>
        <source>Cannot download from {url!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="170"/>
        <source>Only http and https URLs are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="295"/>
        <source>{name} has {size:,} bytes instead of {total:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="296"/>
        <source>Start the download again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="331"/>
        <source>Not enough disk space for {name}: {value:.2f} GB more are needed, {value2:.2f} GB are free in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="338"/>
        <source>Free some disk space or choose another models folder, then resume the download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="198"/>
        <source>The server refused the download of {name} (HTTP {code} {reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="204"/>
        <source>Check the model name and your network; if the file moved, update desktop-helper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="225"/>
        <source>The server offers {name} with {total:,} bytes, but {expected_size:,} were expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="231"/>
        <source>The file changed upstream; update desktop-helper or pick the file manually.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="306"/>
        <source>{name} is damaged: its sha256 is {digest}..., expected {sha256}....</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="312"/>
        <source>The damaged file was deleted; start the download again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="135"/>
        <source>The download of {name} was interrupted: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="136"/>
        <source>Check the network connection and start the download again; it will resume where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="129"/>
        <source>The model file {file} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="129"/>
        <source>Choose an existing GGUF file, or download the model again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="132"/>
        <source>{file} is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="132"/>
        <source>Choose a GGUF model file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="152"/>
        <source>{name} is not a GGUF model file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="153"/>
        <source>Choose a .gguf file made for llama.cpp (safetensors or PyTorch checkpoints must be converted first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="158"/>
        <source>{name} uses GGUF version {version}, which is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="159"/>
        <source>Download a current GGUF conversion of the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="139"/>
        <source>Cannot read {file}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="143"/>
        <source>{name} is truncated or damaged (its GGUF header cannot be read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="144"/>
        <source>Download the file again; the download may have been cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="48"/>
        <source>Download {size}{resumed}; {free:.0f} GB of disk space free; needs {memory}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="46"/>
        <source>{size:.1f} GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="46"/>
        <source>size unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="47"/>
        <source>, {done:.1f} GB already downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="128"/>
        <source>Not enough disk space for {title}: {value:.1f} GB more are needed, {value2:.1f} GB are free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="134"/>
        <source>Free some disk space or choose another models folder in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="167"/>
        <source>{title} is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="177"/>
        <source>No vision projector was chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="177"/>
        <source>Pick the model&apos;s mmproj file too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="149"/>
        <source>Checking {label}: {done:.0f} MB{speed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="150"/>
        <source>Downloading {label}: {done:.0f} MB{speed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="151"/>
        <source>Verifying {label}: {done:.0f} MB{speed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="152"/>
        <source>Done {label}: {done:.0f} MB{speed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/memory.py" line="66"/>
        <source>The model needs {summary}. Loading it may fail or make the computer swap. Choose a smaller context size or image token budget, or a smaller quantization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/memory.py" line="99"/>
        <source>Without flash attention the vision encoder&apos;s memory grows with the square of the image token budget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="119"/>
        <source>{name} is a vision projector (mmproj), not a language model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="120"/>
        <source>Choose the main model file as the model and this file as the vision projector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="124"/>
        <source>{name} is incomplete ({file_size:,} bytes, its header promises {value:,}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="130"/>
        <source>Download the model again; the download was cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="135"/>
        <source>{name} does not describe a language model llama.cpp can run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="136"/>
        <source>Choose a GLM-4.6V-Flash GGUF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="159"/>
        <source>{name} is a language model, not a vision projector (mmproj).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="160"/>
        <source>Choose the mmproj-*.gguf file that belongs to the model as the vision projector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="164"/>
        <source>{name} is incomplete ({file_size:,} bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="165"/>
        <source>Download the vision projector again; the download was cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="170"/>
        <source>The vision projector {name} does not match the model {name2} (it produces {projection_dim}-wide embeddings, the model expects {n_embd}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="178"/>
        <source>Use the mmproj file published together with this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="183"/>
        <source>{name} is a text-only GLM-4 conversion (it lacks the M-RoPE rope sections images need).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="184"/>
        <source>Download a GLM-4.6V-Flash GGUF converted with vision support, e.g. ggml-org/GLM-4.6V-Flash-GGUF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="148"/>
        <source>No vision projector (mmproj) is set for {name}, so the model cannot see images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="149"/>
        <source>Choose the matching mmproj GGUF file in Settings &gt; Models (for GLM-4.6V-Flash: mmproj-GLM-4.6V-Flash-Q8_0.gguf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="150"/>
        <source>PrtSc is taken by the Snipping Tool, OneDrive or the desktop&apos;s screenshot tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="151"/>
        <source>Win+Shift+S opens the Snipping Tool on Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="152"/>
        <source>Win+Shift+A is taken by Windows (Copilot / action centre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="153"/>
        <source>taken by the Windows screenshot tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="97"/>
        <source>The hotkey is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="128"/>
        <source>&apos;{text}&apos; must have exactly one key besides the modifiers, not {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="133"/>
        <source>&apos;{text}&apos; needs a modifier (Ctrl, Alt, Shift or Win/Cmd), or it would fire while you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="137"/>
        <source>&apos;{text}&apos;: with Shift the key &apos;{key}&apos; types another character on most layouts; use a letter or a named key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="144"/>
        <source>&apos;{text}&apos; is just a capital letter; add Ctrl, Alt or Win/Cmd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="103"/>
        <source>&apos;{text}&apos; has an empty part; write keys like &lt;ctrl&gt;+&lt;alt&gt;+&lt;shift&gt;+a.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="109"/>
        <source>&apos;{text}&apos; contains a key that cannot be typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="115"/>
        <source>&apos;{text}&apos; names {canonical} twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="121"/>
        <source>&apos;{name}&apos; in &apos;{text}&apos; is not a key name (use e.g. &lt;ctrl&gt;, &lt;alt&gt;, &lt;shift&gt;, &lt;cmd&gt;, &lt;f5&gt;, a).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/__init__.py" line="45"/>
        <source>No display was found, so the screen cannot be captured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/__init__.py" line="46"/>
        <source>Run the app inside a desktop session (DISPLAY or WAYLAND_DISPLAY must be set).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="185"/>
        <source>The region {as_ints} is on no monitor; was a monitor unplugged?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="186"/>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="195"/>
        <source>Select the region again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="57"/>
        <source>The region {as_ints} is outside the captured area {as_ints2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="105"/>
        <location filename="../../desktop_helper/ui/agent_session.py" line="495"/>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="251"/>
        <source>No monitor was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="105"/>
        <source>Check that a display is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/macos.py" line="94"/>
        <source>macOS has not allowed Desktop Helper to record the screen, so captures would show only the desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/macos.py" line="95"/>
        <source>Open System Settings &gt; Privacy &amp; Security &gt; Screen Recording, turn on Desktop Helper, then quit and reopen the app (macOS applies the permission only to a new start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="56"/>
        <source>Screen capture was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="98"/>
        <source>The region to capture is empty ({width}x{height} px).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="129"/>
        <source>A BGR buffer is needed, not {dtype} {shape}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="133"/>
        <source>A {columns}x{rows} frame does not fit the region to capture ({width}x{height} px).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="149"/>
        <source>The capture is {width}x{height} px, smaller than the {columns}x{rows} frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="235"/>
        <source>Capturing {width}x{height} px at ({left}, {top}) failed: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="243"/>
        <source>A monitor may have been unplugged; capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="67"/>
        <source>Start the app inside your desktop session (no display was reachable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="81"/>
        <source>The monitors cannot be listed: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="42"/>
        <source>Install xdg-desktop-portal with your desktop&apos;s backend (xdg-desktop-portal-gnome, -kde or -wlr), or &apos;grim&apos; on wlroots desktops (Sway, Hyprland), or log in to an X11 session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="123"/>
        <source>Neither the screenshot portal nor grim is available on this Wayland desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="69"/>
        <source>No D-Bus session bus to reach the screenshot portal ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="96"/>
        <source>The desktop refused the screenshot (permission denied or cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="97"/>
        <source>Allow screenshots for Desktop Helper in your desktop&apos;s privacy settings, then capture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="111"/>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="91"/>
        <source>The screenshot portal did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="129"/>
        <source>grim could not capture the screen: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="189"/>
        <source>The region {as_ints} is outside the {width}x{height} px screenshot the desktop returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="84"/>
        <source>The screenshot portal is not available ({value}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="104"/>
        <source>The portal&apos;s screenshot could not be read ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="91"/>
        <source>Answer the desktop&apos;s screenshot prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/__init__.py" line="35"/>
        <source>No display was found, so global hotkeys cannot work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/__init__.py" line="35"/>
        <source>Start the app in your desktop session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/__init__.py" line="38"/>
        <source>Wayland does not let apps listen for global hotkeys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/__init__.py" line="39"/>
        <source>Bind your desktop&apos;s own shortcuts to commands, e.g. &apos;desktop-helper capture region&apos; or &apos;desktop-helper record&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="107"/>
        <source>{hotkey} is set for both {replace} and {replace2}; only the first works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="113"/>
        <source>Give each action its own hotkey in Settings &gt; Hotkeys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="122"/>
        <source>{hotkey} may not reach Desktop Helper: {note}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="123"/>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="85"/>
        <source>Choose another hotkey in Settings &gt; Hotkeys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="98"/>
        <source>The hotkey for {replace} is not usable: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="99"/>
        <source>Change it in Settings &gt; Hotkeys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="315"/>
        <source>Bind desktop shortcuts to commands instead, e.g. &apos;desktop-helper capture region&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="311"/>
        <source>Allow Desktop Helper under System Settings &gt; Privacy &amp; Security &gt; Input Monitoring and Accessibility, then restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="336"/>
        <source>macOS does not let Desktop Helper see the keyboard, so global hotkeys will not work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="337"/>
        <source>Allow it under System Settings &gt; Privacy &amp; Security &gt; Accessibility and Input Monitoring, then quit and reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="114"/>
        <source>Global hotkeys could not start (the keyboard listener stopped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="79"/>
        <source>{parsed} ({replace}) is already used by {why}; both may react.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="91"/>
        <source>Global hotkeys are not available: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="109"/>
        <source>Global hotkeys could not start: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/__init__.py" line="31"/>
        <source>The agent cannot control the mouse and keyboard in a Wayland session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/__init__.py" line="32"/>
        <source>Log in to an X11 (Xorg) session to let the agent act; suggestions still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/__init__.py" line="40"/>
        <source>Synthetic input is not available: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/__init__.py" line="40"/>
        <source>Check that the display is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/base.py" line="96"/>
        <source>The point ({point}, {point2}) is outside the captured screen area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/base.py" line="97"/>
        <source>The agent only acts on the monitor it captured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="31"/>
        <source>Remove it (as the user who owns it, or as administrator: rm -r &apos;{folder}&apos;) and start again, or set XDG_RUNTIME_DIR to a private folder of yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="38"/>
        <source>The folder for the command socket, {folder}, is not a plain folder, so it is not safe to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="42"/>
        <source>The folder for the command socket, {folder}, belongs to another user (uid {st_uid}), who could read the commands you send to Desktop Helper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="52"/>
        <source>The folder for the command socket, {folder}, can be used by other users (mode {s_imode:04o}, it must be 0700).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="57"/>
        <source>Make it private (chmod 700 &apos;{folder}&apos;) or remove it, and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="106"/>
        <source>{path} is not a command socket created by you, so Desktop Helper will not use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="107"/>
        <source>Remove it (rm &apos;{path}&apos;) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="70"/>
        <source>The folder for the command socket, {folder}, cannot be created ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="75"/>
        <source>Set XDG_RUNTIME_DIR to a private folder of yours, or free the temporary folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/macos.py" line="22"/>
        <source>Windows cannot be listed: the Quartz bridge (pyobjc) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/x11.py" line="35"/>
        <source>Windows cannot be listed: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/x11.py" line="39"/>
        <source>Windows cannot be listed: no X display ({exc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/x11.py" line="48"/>
        <source>The window manager does not publish its window list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/x11.py" line="49"/>
        <source>This works with EWMH window managers (GNOME, KDE, Xfce, fluxbox, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="323"/>
        <source>The saved API providers are not a list ({kind}); they were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="329"/>
        <source>Saved API provider number {number} is not a provider entry ({item!r:.40}); it was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="339"/>
        <source>Saved API provider number {number} has no usable name ({name!r:.40}); it was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="352"/>
        <source>The saved API provider {name!r} had an invalid preset ({preset!r:.40}); it is now custom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="368"/>
        <source>The saved API provider {name!r} had an invalid {key} ({value!r:.40}); the preset&apos;s value is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="98"/>
        <source>on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="99"/>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="100"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="101"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="102"/>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="103"/>
        <source>a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="53"/>
        <source>{label} must be {kind}, not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="57"/>
        <source>{label} must be a finite number, not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="59"/>
        <source>{label} contains bytes that are not valid text (UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="61"/>
        <source>{label} must be at least {minimum:g}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="63"/>
        <source>{label} must be at most {maximum:g}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="65"/>
        <source>{label} must be one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="70"/>
        <source>{label}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="135"/>
        <source>No system keyring is available, so API keys cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="136"/>
        <source>Keys you enter are kept for this session only; or set DESKTOP_HELPER_API_KEY_&lt;PROVIDER&gt; in your environment. On Linux, installing and unlocking gnome-keyring or KWallet fixes this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="91"/>
        <source>The keyring could not be read: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="91"/>
        <location filename="../../desktop_helper/settings/secrets.py" line="99"/>
        <source>Unlock your keyring and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="99"/>
        <source>The keyring refused to store the key: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="110"/>
        <source>The keyring could not delete the key: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="265"/>
        <source>The settings file {path} is damaged ({parts}); the settings that could be read are kept, defaults are used for the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="276"/>
        <source>{message} {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="222"/>
        <source>it contains bytes that are not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="225"/>
        <source>parts nested more than {levels} levels deep were ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="233"/>
        <source>it does not hold settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="237"/>
        <source>its version ({version!r:.40}) is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="272"/>
        <source>The settings file {path} is damaged ({parts}); defaults are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="274"/>
        <source>The settings file {path} had invalid values; the others are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="279"/>
        <source>The original was kept as {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="279"/>
        <source>The original could not be copied aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="181"/>
        <source>There is no setting called {key!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="214"/>
        <source>The settings file {path} could not be read ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="215"/>
        <source>Defaults are used for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="230"/>
        <source>it is not complete, valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="239"/>
        <source>it was written by a newer version of the app (settings version {version})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="315"/>
        <source>Settings cannot be saved to {folder} ({strerror}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="316"/>
        <source>Your changes last until you quit. Make the folder writable to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="255"/>
        <source>{key} is back to its default: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="489"/>
        <source>No model is ready for the agent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="490"/>
        <source>Wait until the model has loaded, or choose an API provider in the chat window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="137"/>
        <source>The model could not be loaded: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="540"/>
        <source>, {count} frames dropped ({percent:.1f}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="165"/>
        <source>Global hotkeys stopped working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="165"/>
        <source>Restart the app, or use the tray menu and the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="336"/>
        <source>Unknown capture &apos;{what}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="137"/>
        <source>Recording is not available with the {name} capture backend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="138"/>
        <source>Recording needs X11, Windows or macOS; on Wayland use your desktop&apos;s screen recorder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="519"/>
        <source>The recording is dropping frames ({frames_dropped}, {dropped_percent:.0f}%): this computer cannot encode that fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="525"/>
        <source>Lower the recording frame rate in Settings &gt; Capture, or record a smaller region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="545"/>
        <source>What was recorded is in {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="191"/>
        <source>There is no monitor {monitor}; this desktop has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="372"/>
        <source>Try again; if it keeps failing, check the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="548"/>
        <source>Recording saved: {path} ({seconds:.0f} s{dropped}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="404"/>
        <source>The region could not be captured: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="404"/>
        <source>Select it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="434"/>
        <source>The capture could not be saved to {folder}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="435"/>
        <source>Check the folder in Settings &gt; Capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="104"/>
        <source>{name}: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="233"/>
        <source>No model is ready yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="318"/>
        <source>The search was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="229"/>
        <source>A search is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="234"/>
        <source>Wait for the model to load, or choose one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="323"/>
        <source>Find on screen failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="302"/>
        <source>{flagged} more location(s) looked wrong and were not drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="306"/>
        <source>Try other words, or capture a smaller region and ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="155"/>
        <source>An MCP client is {doing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="155"/>
        <source>You can turn MCP tools off in Settings &gt; MCP server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="249"/>
        <source>Quick question</source>
        <translation>Quick question</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="256"/>
        <source>Ask quickly…</source>
        <translation>Ask quickly…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="258"/>
        <source>Full window</source>
        <translation>Full window</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="289"/>
        <source>You</source>
        <translation type="unfinished">You</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="62"/>
        <source>&lt;h2&gt;Set up a model&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="66"/>
        <source>Desktop Helper answers questions about what is on your screen. For that it needs a vision model: download GLM-4.6V-Flash to run it on this computer (your screen never leaves it, and it works offline), or connect an API provider you already use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="83"/>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="93"/>
        <source>Use GGUF files I already have…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="95"/>
        <source>Set up an API provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="108"/>
        <source>{0} (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="120"/>
        <source>Not enough free disk space for this download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="121"/>
        <source>Resume download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="121"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="137"/>
        <source>Starting the download of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="150"/>
        <source>Stopping… the part already downloaded is kept and the download can resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="173"/>
        <source>Download stopped. Choose Download again to resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="177"/>
        <source>The download failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="190"/>
        <source>Choose the model GGUF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="190"/>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="195"/>
        <source>GGUF models (*.gguf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="195"/>
        <source>Choose its vision projector (mmproj) GGUF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="207"/>
        <source>It needs {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="208"/>
        <source>{0} is ready. {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathEdit</name>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="159"/>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="159"/>
        <source>Default folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="163"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="180"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="182"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="62"/>
        <source>Not supported (model default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="104"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="112"/>
        <source>Remove</source>
        <translation type="unfinished">Remove</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="114"/>
        <source>Use this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="130"/>
        <source>List server&apos;s models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="135"/>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="136"/>
        <source>Save key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="138"/>
        <source>Forget key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="149"/>
        <source>Ask the server to keep special tokens (GLM&apos;s box markers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="151"/>
        <source>Send video files as video (else as sampled frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="166"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="179"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="204"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="205"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="180"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="206"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="181"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="207"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="182"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="208"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="183"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="210"/>
        <source>Thinking switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="213"/>
        <source>Largest image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="186"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="214"/>
        <source>Read timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="59"/>
        <source>Z.ai &quot;thinking&quot; field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="178"/>
        <source>API providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="184"/>
        <source>Largest image side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="185"/>
        <source>Largest image file size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="361"/>
        <source>Added {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="378"/>
        <source>Removed {0} and its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="388"/>
        <source>no model chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="389"/>
        <source>Answers now come from {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="402"/>
        <source>The name {0!r} is empty or already used; keeping {1!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="419"/>
        <source>Renamed {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="430"/>
        <source>No place to keep keys is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="473"/>
        <source>Key saved in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="473"/>
        <source>A key is stored in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="475"/>
        <source>It is forgotten when the app quits; set {0} to keep one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="477"/>
        <source>No key yet: paste it above, or set the environment variable {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="479"/>
        <source>This server usually needs no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="481"/>
        <source>The environment variable {0} is set and is used instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="484"/>
        <source>Get a key at &lt;a href=&quot;{0}&quot;&gt;{0}&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="513"/>
        <source>Asking {0} for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="528"/>
        <source>No API key is set for {0}: paste it above or set {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="540"/>
        <source>Sending a small image to {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="540"/>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="557"/>
        <source>Could not list the models: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="578"/>
        <source>{0} listed no models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="580"/>
        <source>{0} offers 1 model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="582"/>
        <source>{0} offers {1} models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="587"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="598"/>
        <source>Failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="593"/>
        <source>OK: first answer after {0:.0f} ms, done after {1:.0f} ms. The model said: “{2}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../tools/update_translations.py" line="0"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tools/update_translations.py" line="0"/>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../tools/update_translations.py" line="0"/>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tools/update_translations.py" line="0"/>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingBar</name>
    <message>
        <location filename="../../desktop_helper/ui/recording_indicator.py" line="67"/>
        <source>Stop</source>
        <extracomment>border thickness and its distance from the recorded area, in logical pixels</extracomment>
        <translation type="unfinished">Stop</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/recording_indicator.py" line="69"/>
        <source>Stop the recording and save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/recording_indicator.py" line="79"/>
        <source>{0}:{1:02d}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestartPrompt</name>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="87"/>
        <source>Language changed</source>
        <extracomment>each language&apos;s name in itself: what a reader of that language looks for in a list</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="88"/>
        <source>Restart now to use {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="89"/>
        <source>The new language is used from the next start; your chats and settings are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="90"/>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="91"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="68"/>
        <source>Automatic</source>
        <extracomment>settings that name a file (&quot;file&quot;, with a name filter) or a folder (&quot;folder&quot;): their field gets a Browse button</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="69"/>
        <source>All layers that fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="70"/>
        <source>Automatic (from your hardware)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="71"/>
        <source>The model&apos;s own limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="72"/>
        <source>No delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="73"/>
        <source>Until Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="79"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="81"/>
        <source> fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="237"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="319"/>
        <source>* takes effect after a restart</source>
        <extracomment>the value each editor last showed from the settings: an editor that still shows it is untouched</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="334"/>
        <source>Careful: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="383"/>
        <source>{0} has the same hotkey as {1} ({2}).</source>
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
        <source>Stop everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="43"/>
        <source>Stop the agent, a recording and a search at once, and hide what they drew on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="44"/>
        <source>Model runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="45"/>
        <source>This computer runs a model file you downloaded; an API provider runs the model on its servers, over the internet.</source>
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
        <source>Run the local model on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="55"/>
        <source>Automatic: the graphics card (GPU) when there is a usable one, else the processor (CPU). CPU: never use the GPU. GPU: use the GPU; without one the model still runs, on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="56"/>
        <source>GPU layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="57"/>
        <source>Layers to offload to the GPU (-1: all that fit, 0: CPU only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="58"/>
        <source>Flash attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="59"/>
        <source>Faster attention where the hardware supports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="60"/>
        <source>Image token budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="61"/>
        <source>Most tokens one image may use (0: chosen from your hardware). Fewer is faster, more sees finer detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="62"/>
        <source>Thinking</source>
        <translation type="unfinished">Thinking</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="63"/>
        <source>Let the model reason before it answers (slower, often better).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="64"/>
        <source>Longest answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="65"/>
        <source>Most tokens one chat answer may use (0: the model&apos;s or the server&apos;s own limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="66"/>
        <source>Capture delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="67"/>
        <source>Seconds to wait before capturing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="68"/>
        <source>Copy captures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="69"/>
        <source>Copy every capture to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="70"/>
        <source>Save captures to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="71"/>
        <source>Folder where captures are saved (empty: do not save).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="72"/>
        <source>Recording frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="73"/>
        <source>Frames per second of screen recordings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="74"/>
        <source>Capture on release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="75"/>
        <source>Capture as soon as you release the mouse after dragging a region (off: adjust it with the handles and arrow keys, then press Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="76"/>
        <source>Save recordings to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="77"/>
        <source>Folder for screen recordings (empty: the Videos folder, else the app&apos;s data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="78"/>
        <source>Longest recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="79"/>
        <source>Recordings stop by themselves after this many seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="80"/>
        <source>Overlay time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="81"/>
        <source>Seconds boxes stay on the screen (0: until Esc).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="82"/>
        <source>Act without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="83"/>
        <source>Perform each proposed action after a countdown instead of waiting for Confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="84"/>
        <source>Screen tools in chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="85"/>
        <source>Let the model take a screenshot, zoom into a region or list the open windows while it answers a chat question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="86"/>
        <source>Step limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="87"/>
        <source>The agent stops after this many steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="88"/>
        <source>Auto-mode countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="89"/>
        <source>Seconds to wait before each action in auto mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="90"/>
        <source>Keep history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="91"/>
        <source>Save conversations on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="92"/>
        <source>Log prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="93"/>
        <source>Write prompts and answers to the log file (for debugging).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="94"/>
        <source>MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="95"/>
        <source>Let MCP clients that run &apos;desktop-helper mcp&apos; (Claude Desktop, Cursor, VS Code) use the tools below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="96"/>
        <source>MCP: list monitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="97"/>
        <source>MCP clients may list the monitors and their sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="98"/>
        <source>MCP: capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="99"/>
        <source>MCP clients may take screenshots of the screen, a monitor, a region or the active window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="100"/>
        <source>MCP: ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="101"/>
        <source>MCP clients may ask the model about the screen or an image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="102"/>
        <source>MCP: find on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="103"/>
        <source>MCP clients may find things on the screen; the boxes are drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="104"/>
        <source>MCP: propose actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="105"/>
        <source>MCP clients may ask the GUI agent for a next step (it never acts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="106"/>
        <source>MCP: perform actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="107"/>
        <source>MCP clients may ask to click or type; each action waits for your Confirm on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="108"/>
        <source>Language of the interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="109"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="110"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="111"/>
        <source>Open in chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="112"/>
        <source>Quick-ask prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="113"/>
        <source>This computer (GGUF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="114"/>
        <source>API provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="115"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="116"/>
        <source>CPU (processor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="117"/>
        <source>GPU (graphics card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="118"/>
        <source>API providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="119"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="120"/>
        <source>Light or dark look; following the system changes with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="121"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="122"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="123"/>
        <source> (takes effect after a restart)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="61"/>
        <source>Desktop Helper agent</source>
        <extracomment>the text-to-type box grows up to this height, then scrolls</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="74"/>
        <location filename="../../desktop_helper/ui/step_panel.py" line="156"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="104"/>
        <source>I have read the whole text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="110"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="111"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="112"/>
        <location filename="../../desktop_helper/ui/step_panel.py" line="164"/>
        <source>Stop</source>
        <translation type="unfinished">Stop</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="157"/>
        <source>Task: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="158"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="186"/>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="207"/>
        <source>Step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="209"/>
        <source>Auto mode is paused for this step: check it, then confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="211"/>
        <source>Proposed next step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="211"/>
        <source>Next step (auto mode):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="217"/>
        <source>Type this text ({0} characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="234"/>
        <source>Agent finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="243"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="271"/>
        <source>it is long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="273"/>
        <source>it has line breaks, and each one presses Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="275"/>
        <source>it looks like a shell command ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="276"/>
        <source>Read the whole text before you confirm: {0}. Scroll to its end, then tick the box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="298"/>
        <source>Acting in {0:.1f} s (Skip or Stop to prevent it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/task_dialog.py" line="37"/>
        <source>GUI agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/task_dialog.py" line="39"/>
        <source>What should the agent do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/task_dialog.py" line="43"/>
        <source>For example: open the Downloads folder and sort it by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/task_dialog.py" line="47"/>
        <source>Enter starts the agent; Shift+Enter adds a line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="63"/>
        <source>Screenshot</source>
        <extracomment>tray entry -&gt; the hotkey setting that runs the same command</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="64"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="65"/>
        <location filename="../../desktop_helper/ui/tray.py" line="99"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="66"/>
        <source>Find on screen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="67"/>
        <source>Agent task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="68"/>
        <source>Stop everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="69"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="70"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="71"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="104"/>
        <source>{0}: recording {1}:{2:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="105"/>
        <source>Stop recording ({0}:{1:02d})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/welcome.py" line="23"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_MonitorWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="100"/>
        <source>Select a region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="167"/>
        <source>Drag to select · click a window to take it · Enter to confirm · Esc to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="169"/>
        <source> · L: last region</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
