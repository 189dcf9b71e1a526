<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentSession</name>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="49"/>
        <source>Agent done</source>
        <extracomment>how long the worker waits for our windows to disappear before capturing anyway time for the X server / compositor to unmap hidden windows before a capture the final panel&apos;s title for each way a run ends (RunOutcome.status)</extracomment>
        <translation>智能体已完成</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="50"/>
        <source>Agent gave up</source>
        <translation>智能体已放弃</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="51"/>
        <location filename="../../desktop_helper/ui/agent_session.py" line="52"/>
        <location filename="../../desktop_helper/ui/agent_session.py" line="295"/>
        <source>Agent stopped</source>
        <translation>智能体已停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="53"/>
        <source>Agent stopped by an error</source>
        <translation>智能体因错误而停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="54"/>
        <source>Agent finished</source>
        <translation>智能体已结束</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="266"/>
        <source>Step {0}: acting</source>
        <translation>第 {0} 步：正在执行</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="295"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop_helper/ui/attachments_bar.py" line="40"/>
        <source>Pages…</source>
        <translation>页面…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachments_bar.py" line="46"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>BackendBox</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="59"/>
        <source>Local model</source>
        <translation>本地模型</translation>
    </message>
</context>
<context>
    <name>BackendService</name>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="83"/>
        <source>local model</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="84"/>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="102"/>
        <location filename="../../desktop_helper/ui/backend_service.py" line="121"/>
        <source>Ready: {0}</source>
        <translation>就绪：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="125"/>
        <source>{0} on {1}</source>
        <translation>{0}，运行于{1}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="144"/>
        <source>Loading the model: {0} ({1:.0%})</source>
        <translation>正在加载模型：{0}（{1:.0%}）</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="471"/>
        <source>Recovered a recording interrupted at {0} ({1} s): {2}</source>
        <extracomment>time for the window system to repaint after we hide our own windows, before grabbing Qt&apos;s own top-level widget of the tray icon on X11 (embedded in the panel): hidden, the panel lets go of it and showing it again does not bring it back, so it is never hidden (it is not on our windows anyway, it sits in the panel) the app&apos;s overlay (set by the app once built): hidden through it, so it knows its shapes are off the screen the border, timer and Stop button around a running recording (outside the recorded area)</extracomment>
        <translation>已恢复一段在 {0} 中断的录屏（{1} 秒）：{2}</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="110"/>
        <source>Chat</source>
        <extracomment>the chat&apos;s size (logical px) until the user resizes it, within the screen&apos;s room</extracomment>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="57"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="62"/>
        <source>Search history…</source>
        <translation>搜索历史…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="171"/>
        <source>Thinking</source>
        <extracomment>what the controls read: the app&apos;s settings, or the schema&apos;s defaults for a window without them the data side: requests, the answer streaming into the history, the images sent tools the model may call while answering (screen, zoom, windows); set by the app reads the attached images into the local model while the question is typed (issue 20)</extracomment>
        <translation>深度思考</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="84"/>
        <source>Low detail</source>
        <translation>低细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="85"/>
        <source>Medium detail</source>
        <translation>中等细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="86"/>
        <source>High detail</source>
        <translation>高细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="87"/>
        <source>Max detail</source>
        <translation>最高细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="181"/>
        <source>System prompt…</source>
        <translation>系统提示词…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="184"/>
        <source>Mini</source>
        <translation>迷你窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="187"/>
        <source>A small always-on-top window for quick questions</source>
        <translation>置顶的小窗口，用于快速提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="220"/>
        <source>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</source>
        <translation>询问屏幕内容，或把文件拖到这里…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="227"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="232"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="235"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="334"/>
        <source>The app was closed while this answer was being written.</source>
        <translation>应用在生成此回答时被关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="89"/>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="96"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="356"/>
        <source>Wait for the answer to finish, or stop it, first.</source>
        <translation>请先等待回答完成，或将其停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="113"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="114"/>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="132"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="115"/>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="116"/>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="123"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="124"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="133"/>
        <source>Delete this conversation and its attachments?</source>
        <translation>删除此对话及其附件？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="143"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_list.py" line="154"/>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="115"/>
        <source>≈ {0} image tokens (≤ {1} per image)</source>
        <translation>约 {0} 个图像 token（每张图像 ≤ {1}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="119"/>
        <source>first answer: measuring…</source>
        <translation>首个回答：正在测算…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="121"/>
        <source>first answer in ≈ {0}</source>
        <translation>预计 {0} 后开始回答</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/durations.py" line="11"/>
        <source>under a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/durations.py" line="14"/>
        <source>{0} min {1} s</source>
        <translation>{0} 分 {1} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/durations.py" line="15"/>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="185"/>
        <source>Reading the image… {0} %</source>
        <translation>正在读取图片… {0} %</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="193"/>
        <source>Image read: the answer starts as soon as you send.</source>
        <translation>图片已读取：发送后立即开始回答。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/preencode_display.py" line="204"/>
        <source>The image could not be read ahead: {0}</source>
        <translation>无法提前读取图片：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_picker.py" line="66"/>
        <source>No backend</source>
        <translation>无后端</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="427"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="427"/>
        <source>Instructions for this conversation:</source>
        <translation>此对话的指令：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="129"/>
        <source>{0}: only {1} will be sent.</source>
        <translation>{0}：只会发送 {1}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="130"/>
        <source>Use its Pages… button to choose other pages.</source>
        <translation>使用其“页面…”按钮选择其他页面。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="140"/>
        <source>{0}: cannot be read ({1}).</source>
        <translation>{0}：无法读取（{1}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="435"/>
        <source>Reading 1 file…</source>
        <translation>正在读取 1 个文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="435"/>
        <source>Reading {0} files…</source>
        <translation>正在读取 {0} 个文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="629"/>
        <source>Stopped after {0:.1f} s</source>
        <translation>{0:.1f} 秒后停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="631"/>
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/message_actions.py" line="72"/>
        <source>Your question</source>
        <translation>你的问题</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/message_actions.py" line="74"/>
        <source>The answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/answer_boxes.py" line="83"/>
        <source>1 location the model marked (its estimate)</source>
        <translation>模型标出的 1 个位置（估计）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/answer_boxes.py" line="85"/>
        <source>{0} locations the model marked (its estimate)</source>
        <translation>模型标出的 {0} 个位置（估计）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="74"/>
        <source>pasted image {0}</source>
        <extracomment>what the file picker offers</extracomment>
        <translation>粘贴的图像 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="81"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="83"/>
        <source>Supported files ({0});;All files (*)</source>
        <translation>支持的文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="92"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="93"/>
        <source>Pages of {0} to send (e.g. 3-12):</source>
        <translation>要发送的 {0} 页码（例如 3-12）：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="454"/>
        <source>An answer is still being written; stop it first.</source>
        <translation>回答仍在生成中，请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="457"/>
        <source>Files are still being read; send again in a moment.</source>
        <translation>文件仍在读取中，请稍后再发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="506"/>
        <source>Editing a question (Esc cancels)</source>
        <translation>正在编辑问题（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="534"/>
        <source>The model is still loading; ask again in a moment.</source>
        <translation>模型仍在加载，请稍后再问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="541"/>
        <source>No model is available.</source>
        <translation>没有可用的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="541"/>
        <source>Set one up in Settings &gt; Models.</source>
        <translation>请在“设置 &gt; 模型”中进行配置。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="579"/>
        <source>Waiting for the model…</source>
        <translation>正在等待模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="593"/>
        <source>Writing the answer…</source>
        <translation>正在写回答…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="600"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="607"/>
        <source>The model used: {0}</source>
        <translation>模型使用了：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="612"/>
        <source>The answer reached the length limit.</source>
        <translation>回答已达到长度上限。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="622"/>
        <source>Answered in {0:.1f} s</source>
        <translation>用时 {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="624"/>
        <source>, {0} tokens</source>
        <translation>，{0} 个 token</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="143"/>
        <source>Show {0} earlier messages</source>
        <extracomment>messages rendered when a conversation opens (older ones behind a &quot;Show earlier&quot; link) streamed deltas that arrive within this many milliseconds are rendered together (one frame)</extracomment>
        <translation>显示更早的 {0} 条消息</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="181"/>
        <source>Waiting for the model…</source>
        <translation>等待模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="225"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="271"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="271"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="271"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="280"/>
        <source>▼ Thinking ({0} words)</source>
        <translation>▼ 思考过程（{0} 字）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="284"/>
        <source>▶ Thinking ({0} words)</source>
        <translation>▶ 思考过程（{0} 字）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="295"/>
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="313"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="313"/>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="326"/>
        <source> … ({0} characters not shown) … </source>
        <translation> …（还有 {0} 个字符未显示）… </translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="329"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="332"/>
        <source>Show full text ({0} KB)</source>
        <translation>显示全文（{0} KB）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="334"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="336"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="338"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="340"/>
        <source>Show on screen</source>
        <translation>在屏幕上显示</translation>
    </message>
</context>
<context>
    <name>FindPrompt</name>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="53"/>
        <source>What should I find on the screen?</source>
        <translation>要在屏幕上找什么？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="55"/>
        <source>e.g. the Save button, every error message</source>
        <translation>例如：保存按钮、所有错误信息</translation>
    </message>
</context>
<context>
    <name>FullTextViewer</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="221"/>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="223"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HotkeyEdit</name>
    <message>
        <location filename="../../desktop_helper/ui/hotkey_edit.py" line="90"/>
        <source>No hotkey</source>
        <translation>无快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/hotkey_edit.py" line="112"/>
        <source>Press the keys… (Esc cancels)</source>
        <translation>请按下按键…（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/hotkey_edit.py" line="114"/>
        <source>None: click and press keys</source>
        <translation>无：点击后按下按键</translation>
    </message>
</context>
<context>
    <name>McpHost</name>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="150"/>
        <source>{0}: an MCP client was {1} ({2})</source>
        <extracomment>a notice that an MCP client uses the screen comes again after this many quiet seconds what each tool does, for the tooltip and the notice the replies of calls running on worker threads, with the token that stops their model</extracomment>
        <translation>{0}：一个 MCP 客户端{1}（{2}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="233"/>
        <source>An MCP client asks to act on the screen</source>
        <translation>一个 MCP 客户端请求在屏幕上操作</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="242"/>
        <source>(the MCP client gave no reason)</source>
        <translation>（MCP 客户端没有说明原因）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="247"/>
        <source>MCP client</source>
        <translation>MCP 客户端</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="307"/>
        <source>Step {number}: looking at the screen</source>
        <translation>第 {number} 步：正在查看屏幕</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="314"/>
        <source>Step {number}: the model is deciding what to do</source>
        <translation>第 {number} 步：模型正在决定下一步</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="402"/>
        <source>Step {number}: {words}</source>
        <translation>第 {number} 步：{words}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="420"/>
        <source>Step {number}: waiting for the screen to settle</source>
        <translation>第 {number} 步：正在等待屏幕稳定</translation>
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
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="353"/>
        <source>Done: {summary}</source>
        <translation>完成：{summary}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="361"/>
        <source>The model says the task cannot be done: {reason}</source>
        <translation>模型表示无法完成任务：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="363"/>
        <source>The model says the task cannot be done.</source>
        <translation>模型表示无法完成任务。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="368"/>
        <source>Step {number}: waiting {wait_seconds:g} seconds</source>
        <translation>第 {number} 步：等待 {wait_seconds:g} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="285"/>
        <source>The agent stopped because of an internal error: {exc}.</source>
        <translation>智能体因内部错误而停止：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="334"/>
        <source>Could not understand the model {unreadable} times in a row; the run ended. Rephrase the task or try a larger model.</source>
        <translation>连续 {unreadable} 次无法理解模型的回复，运行已结束。请换一种说法描述任务，或使用更大的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="276"/>
        <source>Stopped after the step limit of {max_steps} steps.</source>
        <translation>已达到 {max_steps} 步的步数上限，已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="146"/>
        <source>Give up: the task cannot be done</source>
        <translation>放弃：无法完成任务</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="96"/>
        <source> on {element!r}</source>
        <translation>，目标 {element!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="112"/>
        <source>Click{target}{where}</source>
        <translation>单击{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="113"/>
        <source>Double-click{target}{where}</source>
        <translation>双击{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="114"/>
        <source>Right-click{target}{where}</source>
        <translation>右键单击{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="115"/>
        <source>Middle-click{target}{where}</source>
        <translation>中键单击{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="116"/>
        <source>Move the mouse{target}{where}</source>
        <translation>移动鼠标{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="131"/>
        <source>Press {keys}</source>
        <translation>按下 {keys}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="133"/>
        <source>Type {content!r}</source>
        <translation>输入 {content!r}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="143"/>
        <source>Wait 5 seconds</source>
        <translation>等待 5 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="145"/>
        <source>Finish: the task is done</source>
        <translation>完成：任务已完成</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="136"/>
        <source>Scroll up 1 notch{target}{where}</source>
        <translation>向上滚动 1 格{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="137"/>
        <source>Scroll down 1 notch{target}{where}</source>
        <translation>向下滚动 1 格{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="138"/>
        <source>Scroll up {steps} notches{target}{where}</source>
        <translation>向上滚动 {steps} 格{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="139"/>
        <source>Scroll down {steps} notches{target}{where}</source>
        <translation>向下滚动 {steps} 格{target}{where}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="66"/>
        <source>The screen cannot be captured: {exc}.</source>
        <translation>无法截取屏幕：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/tools.py" line="324"/>
        <source>There is no monitor {monitor_number}; this computer has {count}.</source>
        <translation>没有第 {monitor_number} 个显示器；这台电脑有 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="85"/>
        <source>The app&apos;s folders could not be created ({folders_problem}).</source>
        <translation>无法创建应用的文件夹（{folders_problem}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="86"/>
        <source>Settings and history are kept in memory only until you quit. Check the folder permissions.</source>
        <translation>在退出之前，设置和历史记录只保存在内存中。请检查文件夹权限。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="161"/>
        <source>No system tray was found, so the chat window stays open instead.</source>
        <translation>没有找到系统托盘，因此聊天窗口会保持打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="162"/>
        <source>Use the window or the desktop-helper command (e.g. bind &apos;desktop-helper capture region&apos; to a shortcut).</source>
        <translation>请使用窗口或 desktop-helper 命令（例如把 &apos;desktop-helper capture region&apos; 绑定到一个快捷键）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="137"/>
        <source>Another copy may be starting; cannot accept commands from the command line.</source>
        <translation>可能有另一个副本正在启动；无法接收命令行发来的命令。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="140"/>
        <source>Commands from the command line are off: {message}</source>
        <translation>命令行命令已关闭：{message}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/app.py" line="347"/>
        <source>Start at login could not be changed: {exc}.</source>
        <translation>无法更改登录时启动：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="256"/>
        <source>--region needs a positive width and height.</source>
        <translation>--region 需要正的宽度和高度。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="256"/>
        <location filename="../../desktop_helper/ask.py" line="253"/>
        <source>For example: --region 100,200,800,600</source>
        <translation>例如：--region 100,200,800,600</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="253"/>
        <source>--region must be X,Y,W,H in pixels, not {text!r}.</source>
        <translation>--region 必须是以像素为单位的 X,Y,W,H，而不是 {text!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="372"/>
        <source>The screen could not be captured: {exc}.</source>
        <translation>无法截取屏幕：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="280"/>
        <source>The region {as_ints} is not on any monitor.</source>
        <translation>区域 {as_ints} 不在任何显示器上。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="280"/>
        <source>Check the coordinates.</source>
        <translation>请检查坐标。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="286"/>
        <source>There is no monitor {monitor} (found {count}).</source>
        <translation>没有第 {monitor} 个显示器（找到 {count} 个）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="287"/>
        <source>Use 1 to {count}.</source>
        <translation>请使用 1 到 {count}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/__init__.py" line="29"/>
        <source>Unknown backend {name!r}.</source>
        <translation>未知的后端 {name!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/__init__.py" line="29"/>
        <source>Choose one of: {join}.</source>
        <translation>请从以下选项中选择：{join}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/__init__.py" line="36"/>
        <source>The {name} backend is not available: {exc}.</source>
        <translation>{name} 后端不可用：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/__init__.py" line="37"/>
        <source>Reinstall desktop-helper with its dependencies (uv sync).</source>
        <translation>请连同依赖重新安装 desktop-helper（uv sync）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="353"/>
        <location filename="../../desktop_helper/backends/factory.py" line="249"/>
        <source>No model is set up yet.</source>
        <translation>尚未设置模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="76"/>
        <source>The scripted backend file {path} cannot be read: {strerror}.</source>
        <translation>无法读取脚本后端文件 {path}：{strerror}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="77"/>
        <location filename="../../desktop_helper/backends/factory.py" line="88"/>
        <source>Unset {scripted_env}.</source>
        <translation>请取消设置 {scripted_env}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="87"/>
        <source>The scripted backend file {path} is malformed: {exc}.</source>
        <translation>脚本后端文件 {path} 格式错误：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="49"/>
        <source>The model file has no chat template.</source>
        <translation>模型文件没有聊天模板。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="49"/>
        <source>Use a GLM-4.6V-Flash GGUF that embeds its chat template.</source>
        <translation>请使用内嵌聊天模板的 GLM-4.6V-Flash GGUF。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="99"/>
        <source>The chat template placed {count} images but the conversation has {count2}.</source>
        <translation>聊天模板放入了 {count} 张图片，但对话中有 {count2} 张。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="100"/>
        <source>Use an unmodified GLM-4.6V-Flash GGUF; its template marks each image.</source>
        <translation>请使用未修改的 GLM-4.6V-Flash GGUF；它的模板会标记每张图片。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="59"/>
        <source>The model&apos;s chat template is invalid: {exc}.</source>
        <translation>模型的聊天模板无效：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="59"/>
        <source>Use an unmodified GLM-4.6V-Flash GGUF.</source>
        <translation>请使用未修改的 GLM-4.6V-Flash GGUF。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="94"/>
        <source>The chat template could not render this conversation: {exc}.</source>
        <translation>聊天模板无法渲染这段对话：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/glm_template.py" line="94"/>
        <source>Start a new chat.</source>
        <translation>请开始新的对话。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="316"/>
        <source>Checking the model files</source>
        <translation>正在检查模型文件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="362"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="386"/>
        <source>Loading {name}</source>
        <translation>正在加载 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="502"/>
        <source>Model ready</source>
        <translation>模型已就绪</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="575"/>
        <source>There is nothing to answer.</source>
        <translation>没有需要回答的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="575"/>
        <source>Type a question first.</source>
        <translation>请先输入问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="577"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="636"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="311"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="591"/>
        <source>The local model was closed.</source>
        <translation>本地模型已关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="577"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="636"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="311"/>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="591"/>
        <source>Restart the model from Settings &gt; Models.</source>
        <translation>请在 设置 &gt; 模型 中重新启动模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="374"/>
        <source>llama.cpp failed to process the prompt (error {result}): the context may be full or memory exhausted.</source>
        <translation>llama.cpp 处理提示词失败（错误 {result}）：上下文可能已满或内存不足。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="378"/>
        <source>Start a new chat, or lower the context size or image token budget in Settings &gt; Models.</source>
        <translation>请开始新的对话，或在 设置 &gt; 模型 中调低上下文长度或图像 token 预算。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="188"/>
        <location filename="../../desktop_helper/media/images.py" line="321"/>
        <source>Use a PNG, JPEG or WebP image.</source>
        <translation>请使用 PNG、JPEG 或 WebP 图片。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="401"/>
        <source>The file may be damaged or too large for the free memory: check the memory estimate, close other programs, or pick a smaller quantization.</source>
        <translation>文件可能已损坏，或对可用内存来说太大：请查看内存估算，关闭其他程序，或选择更小的量化版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="417"/>
        <source>Allocating the context</source>
        <translation>正在分配上下文</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="584"/>
        <source>Waiting for the previous answer to finish</source>
        <translation>正在等待上一个回答结束</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_generation.py" line="105"/>
        <source>The conversation needs {prompt_cells:,} tokens but the context holds {n_ctx:,}.</source>
        <translation>对话需要 {prompt_cells:,} 个 token，但上下文只能容纳 {n_ctx:,} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_generation.py" line="110"/>
        <source>Start a new chat, lower the image token budget, or raise the context size in Settings &gt; Models.</source>
        <translation>请开始新的对话、调低图像 token 预算，或在 设置 &gt; 模型 中增大上下文长度。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="158"/>
        <source>The prompt could not be prepared for the model (mtmd error {result}).</source>
        <translation>无法为模型准备提示词（mtmd 错误 {result}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="159"/>
        <source>Try again with fewer or smaller images.</source>
        <translation>请减少图片数量或使用更小的图片后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="427"/>
        <source>Lower the context size in Settings &gt; Models, or close other programs.</source>
        <translation>请在 设置 &gt; 模型 中调低上下文长度，或关闭其他程序。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="430"/>
        <source>Loading the vision projector</source>
        <translation>正在加载视觉投影器</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_generation.py" line="95"/>
        <source>Reading 1 image</source>
        <translation>正在读取 1 张图片</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_generation.py" line="95"/>
        <source>Reading {count} images</source>
        <translation>正在读取 {count} 张图片</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="181"/>
        <source>Image {value}{label} could not be handed to llama.cpp.</source>
        <translation>第 {value} 张图片{label}无法交给 llama.cpp。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="182"/>
        <source>Check the free memory, or try a smaller image token budget.</source>
        <translation>请检查可用内存，或尝试更小的图像 token 预算。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="272"/>
        <source>Encoding image {images_done} ({n_cells} tokens)</source>
        <translation>正在编码第 {images_done} 张图片（{n_cells} 个 token）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="340"/>
        <source>llama.cpp could not process image {images_done} (error {result}); the computer may be out of memory.</source>
        <translation>llama.cpp 无法处理第 {images_done} 张图片（错误 {result}）；电脑的内存可能不足。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="345"/>
        <source>Lower the image token budget or the context size in Settings &gt; Models.</source>
        <translation>请在 设置 &gt; 模型 中调低图像 token 预算或上下文长度。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/llama_evaluation.py" line="293"/>
        <source>Reading the prompt ({end}/{total} tokens)</source>
        <translation>正在读取提示词（{end}/{total} 个 token）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="398"/>
        <source>llama.cpp could not load {name}. {detail}</source>
        <translation>llama.cpp 无法加载 {name}。{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="448"/>
        <source>Use the mmproj file published with this model, and check the free memory.</source>
        <translation>请使用与该模型一起发布的 mmproj 文件，并检查可用内存。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="453"/>
        <source>{name} has no vision encoder.</source>
        <translation>{name} 没有视觉编码器。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="454"/>
        <source>Choose the model&apos;s vision mmproj file.</source>
        <translation>请选择该模型的视觉 mmproj 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="421"/>
        <source>Not enough memory for a {n_ctx}-token context with {name}. {detail}</source>
        <translation>内存不足，无法为 {name} 分配 {n_ctx} 个 token 的上下文。{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="442"/>
        <source>llama.cpp could not use the vision projector {mmproj} with {model}. {detail}</source>
        <translation>llama.cpp 无法将视觉投影器 {mmproj} 与 {model} 一起使用。{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="199"/>
        <source>Check that the base URL is the API root of an OpenAI-compatible server (for example http://localhost:8080/v1) and that no proxy in between changes its replies; the server&apos;s log may say more.</source>
        <translation>请检查基础 URL 是否为 OpenAI 兼容服务器的 API 根地址（例如 http://localhost:8080/v1），以及中间是否有代理修改了回复；服务器日志可能有更多信息。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="392"/>
        <source>lower the image token budget (Settings &gt; Models and providers, or --image-budget), ask about a region instead of the whole screen, or start a new chat</source>
        <translation>调低图像 token 预算（设置 &gt; 模型与服务商，或 --image-budget）、只询问某个区域而不是整个屏幕，或开始新的对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="294"/>
        <source>The image could not be made small enough for the provider.</source>
        <translation>无法把图片缩小到服务商可接受的大小。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="294"/>
        <source>Capture a smaller region.</source>
        <translation>请截取更小的区域。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="211"/>
        <source>sent an answer in a shape this app cannot read</source>
        <translation>发送了本应用无法读取的回答格式</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="624"/>
        <source>sent an answer piece that is not text ({excerpt})</source>
        <translation>发送了不是文本的回答片段（{excerpt}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="245"/>
        <source>ended its reply without sending any answer</source>
        <translation>结束了回复，但没有发送任何回答</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="246"/>
        <source>The server&apos;s log says why. Often the request is too big for the server&apos;s context (llama-cpp-python&apos;s server ends the reply this way): start the server with a bigger context (e.g. --n_ctx 8192, or llama-server -c 8192), or send less: lower the image token budget or ask about a region instead of the whole screen. Also check that the base URL is the server&apos;s OpenAI-compatible API root (for example http://localhost:8080/v1).</source>
        <translation>服务器日志会说明原因。常见原因是请求超出了服务器的上下文（llama-cpp-python 的服务器会这样结束回复）：请用更大的上下文启动服务器（例如 --n_ctx 8192，或 llama-server -c 8192），或者少发送一些内容：调低图像 token 预算，或只询问某个区域而不是整个屏幕。另外请检查基础 URL 是否为服务器的 OpenAI 兼容 API 根地址（例如 http://localhost:8080/v1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="374"/>
        <source>Talking to {where} failed: {redact}.</source>
        <translation>与 {where} 通信失败：{redact}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="374"/>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="371"/>
        <source>Ask again.</source>
        <translation>请重新提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="381"/>
        <source>: it needs {needed} tokens, and the server&apos;s context holds {available}</source>
        <translation>：它需要 {needed} 个 token，而服务器的上下文只能容纳 {available} 个</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="398"/>
        <source>Send less: {send_less}.</source>
        <translation>请少发送一些内容：{send_less}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="400"/>
        <source>Start the server with a bigger context ({server_side}), or send less: {send_less}.</source>
        <translation>请用更大的上下文启动服务器（{server_side}），或少发送一些内容：{send_less}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="405"/>
        <source>The request is too big for the context of {where}{sizes}.</source>
        <translation>请求超出了 {where} 的上下文{sizes}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_request.py" line="146"/>
        <source>{name} cannot take this video file, and no frames were sampled from it.</source>
        <translation>{name} 无法接收这个视频文件，也没有从中抽取到帧。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_request.py" line="147"/>
        <source>Record a shorter video, or use a provider that accepts video.</source>
        <translation>请录制更短的视频，或使用支持视频的服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="208"/>
        <source>sent a line that is not JSON ({excerpt})</source>
        <translation>发送了一行不是 JSON 的内容（{excerpt}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="210"/>
        <source>sent bytes that are not UTF-8 text</source>
        <translation>发送了不是 UTF-8 文本的字节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="605"/>
        <source>sent an answer in a shape this app cannot read ({excerpt})</source>
        <translation>发送了本应用无法读取的回答格式（{excerpt}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="616"/>
        <source>sent choices that are not a list ({excerpt})</source>
        <translation>发送的 choices 不是列表（{excerpt}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="390"/>
        <source>Check that the server is still running, then ask again.</source>
        <translation>请检查服务器是否仍在运行，然后重新提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="235"/>
        <source>answered with {value} that holds no answer (expected a stream of events)</source>
        <translation>返回的 {value} 中没有回答（应为事件流）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="239"/>
        <source>Check that the base URL is the server&apos;s OpenAI-compatible API root (for example http://localhost:8080/v1); if it is, the server&apos;s log may say why it sent nothing.</source>
        <translation>请检查基础 URL 是否为服务器的 OpenAI 兼容 API 根地址（例如 http://localhost:8080/v1）；如果是，服务器日志可能会说明它为什么什么都没发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="455"/>
        <source>answered with a single JSON document instead of a stream of events ({quote})</source>
        <translation>返回了单个 JSON 文档，而不是事件流（{quote}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="456"/>
        <source>Check that the base URL is the server&apos;s OpenAI-compatible API root and that the server supports streamed answers (stream: true).</source>
        <translation>请检查基础 URL 是否为服务器的 OpenAI 兼容 API 根地址，以及服务器是否支持流式回答（stream: true）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="331"/>
        <source>{where} rejected the request (HTTP {status}{detail}).</source>
        <translation>{where} 拒绝了请求（HTTP {status}{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="332"/>
        <source>If it mentions the image, lower the image token budget; if it mentions the model, pick another one.</source>
        <translation>如果提到了图片，请调低图像 token 预算；如果提到了模型，请换一个模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="336"/>
        <source>{where} did not answer in time.</source>
        <translation>{where} 没有及时回答。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="337"/>
        <source>Check that the server is running and not overloaded; the read timeout is {read_timeout:g} s and can be raised in the provider&apos;s settings.</source>
        <translation>请检查服务器是否在运行且没有过载；读取超时为 {read_timeout:g} 秒，可在服务商设置中调高。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="347"/>
        <source>The secure (TLS) connection to {where} failed: {reason}.</source>
        <translation>与 {where} 的安全（TLS）连接失败：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="348"/>
        <source>If the server uses a self-signed or private certificate, add it to your system&apos;s trusted certificates (or point SSL_CERT_FILE at it); for a local server without TLS, use an http:// URL.</source>
        <translation>如果服务器使用自签名或私有证书，请把它加入系统信任的证书（或让 SSL_CERT_FILE 指向它）；对于不使用 TLS 的本地服务器，请使用 http:// 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="355"/>
        <source>Nothing is listening at {base_url} (connection refused).</source>
        <translation>{base_url} 上没有程序在监听（连接被拒绝）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="356"/>
        <source>Start the server, or check the host and port in the provider&apos;s base URL.</source>
        <translation>请启动服务器，或检查服务商基础 URL 中的主机和端口。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="361"/>
        <source>Check the base URL and your network connection.</source>
        <translation>请检查基础 URL 和网络连接。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="365"/>
        <source>Could not reach {where}: {redact}.</source>
        <translation>无法连接到 {where}：{redact}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="366"/>
        <source>Check the base URL, your network, and that the server is running.</source>
        <translation>请检查基础 URL、网络，以及服务器是否在运行。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="370"/>
        <source>{where} reported an error{value}.</source>
        <translation>{where} 报告了错误{value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="387"/>
        <source> of {available} tokens</source>
        <translation>（上下文共 {available} 个 token）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="412"/>
        <source>{where} sent no answer for {seconds:g} s (at most keep-alive signals): it seems stuck.</source>
        <translation>{where} 已有 {seconds:g} 秒没有发送回答（最多只有保活信号）：它似乎卡住了。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="417"/>
        <source>Check the server&apos;s log and load, restart it if it stays stuck, then ask again. The wait is the read timeout ({seconds:g} s) in the provider&apos;s settings.</source>
        <translation>请查看服务器的日志和负载，如果一直卡住就重启它，然后重新提问。等待时间是服务商设置中的读取超时（{seconds:g} 秒）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="424"/>
        <source>{where} {redact}.</source>
        <translation>{where} {redact}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="613"/>
        <source>reported an error: {said}</source>
        <translation>报告了错误：{said}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="613"/>
        <source>Look at the server&apos;s log, then ask again.</source>
        <translation>请查看服务器日志，然后重新提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="296"/>
        <source>Check that the server is running and not frozen (restart it if needed), then ask again. The wait is the response timeout ({response_timeout:g} s) in the provider&apos;s settings.</source>
        <translation>请检查服务器是否在运行且没有卡死（必要时重启），然后重新提问。等待时间是服务商设置中的响应超时（{response_timeout:g} 秒）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="428"/>
        <source>answered with a web page (HTTP 200, {content_type}) instead of an API reply</source>
        <translation>返回了一个网页（HTTP 200，{content_type}），而不是 API 回复</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="429"/>
        <source>The base URL probably points at a website, a login page or a proxy rather than the API: use the server&apos;s OpenAI-compatible API root, for example http://localhost:8080/v1 (often ending in /v1).</source>
        <translation>基础 URL 可能指向了网站、登录页或代理，而不是 API：请使用服务器的 OpenAI 兼容 API 根地址，例如 http://localhost:8080/v1（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="288"/>
        <source>{where} rejected the API key (HTTP 401{detail}).</source>
        <translation>{where} 拒绝了 API 密钥（HTTP 401{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="289"/>
        <source>Check or replace the key in {key_hint}.</source>
        <translation>请在 {key_hint} 中检查或更换密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="293"/>
        <source>{where} refused access with this key (HTTP 403{detail}).</source>
        <translation>{where} 拒绝了使用该密钥的访问（HTTP 403{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="294"/>
        <source>Check that your key and plan allow the model {model!r}, or replace the key in {key_hint}.</source>
        <translation>请检查你的密钥和套餐是否允许使用模型 {model!r}，或在 {key_hint} 中更换密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="302"/>
        <source>{where} does not know the model {model!r}, or the base URL is wrong (HTTP 404{detail}).</source>
        <translation>{where} 不认识模型 {model!r}，或基础 URL 有误（HTTP 404{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="308"/>
        <source>Pick a model from the server&apos;s list in Settings &gt; Models and providers, and check that the base URL is the API root (for example http://localhost:8000/v1).</source>
        <translation>请在 设置 &gt; 模型与服务商 中从服务器的列表里选择模型，并检查基础 URL 是否为 API 根地址（例如 http://localhost:8000/v1）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="317"/>
        <source>{where} is limiting requests (HTTP 429{detail}).{wait}</source>
        <translation>{where} 正在限制请求（HTTP 429{detail}）。{wait}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="318"/>
        <source>Wait a little and ask again, or check your plan&apos;s quota and balance.</source>
        <translation>请稍等后重新提问，或检查套餐的配额和余额。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="322"/>
        <source>{where} says the request is too large (HTTP 413{detail}).</source>
        <translation>{where} 表示请求太大（HTTP 413{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="323"/>
        <source>Lower the image token budget in Settings, or send fewer images.</source>
        <translation>请在设置中调低图像 token 预算，或少发送一些图片。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="327"/>
        <source>{where} failed with a server error (HTTP {status}{detail}).</source>
        <translation>{where} 出现服务器错误（HTTP {status}{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="328"/>
        <source>Try again later; if it is your own server, look at its log.</source>
        <translation>请稍后重试；如果是你自己的服务器，请查看它的日志。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="389"/>
        <source>: it needs {needed} tokens</source>
        <translation>：它需要 {needed} 个 token</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_request.py" line="138"/>
        <source>The video {path} cannot be read: {strerror}.</source>
        <translation>无法读取视频 {path}：{strerror}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_request.py" line="139"/>
        <source>Record or choose it again.</source>
        <translation>请重新录制或重新选择。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="279"/>
        <source>Waiting for {name} to start answering ({waited:.0f} s); it is still working on the request.</source>
        <translation>正在等待 {name} 开始回答（{waited:.0f} 秒）；它仍在处理请求。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="284"/>
        <source>{where} needs an API key, and none is set (HTTP 401{detail}).</source>
        <translation>{where} 需要 API 密钥，但尚未设置（HTTP 401{detail}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="285"/>
        <source>Enter the key in {key_hint}.</source>
        <translation>请在 {key_hint} 中输入密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="206"/>
        <source>{name} answered HTTP {status_code}; retrying in {delay:.0f} s ({attempt} of {max_retries}).</source>
        <translation>{name} 返回 HTTP {status_code}；{delay:.0f} 秒后重试（第 {attempt} 次，共 {max_retries} 次）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="298"/>
        <source>The capture ({shape}) is smaller than the {w}x{h} video.</source>
        <translation>截图（{shape}）小于 {w}x{h} 的视频。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/catalog.py" line="100"/>
        <source>The best choice for most computers: the full GLM-4.6V-Flash vision model, compressed to about a third of its size with little loss in the quality of its answers.</source>
        <translation>适合大多数电脑：完整的 GLM-4.6V-Flash 视觉模型，压缩到约三分之一大小，回答质量几乎没有损失。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/catalog.py" line="112"/>
        <source>A little more accurate, but it needs about 1.7 times the memory and answers more slowly on a computer without a graphics card.</source>
        <translation>稍微更准确，但需要约 1.7 倍的内存，在没有显卡的电脑上回答更慢。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/memory.py" line="52"/>
        <source>about {total:.1f} GB of memory (weights {weights:.1f} GB, context {context:.2f} GB, compute {compute:.2f} GB)</source>
        <translation>约 {total:.1f} GB 内存（权重 {weights:.1f} GB，上下文 {context:.2f} GB，计算 {compute:.2f} GB）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/memory.py" line="60"/>
        <source>{parts}; {available:.1f} GB of memory available</source>
        <translation>{parts}；可用内存 {available:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="446"/>
        <source>The base URL {base_url!r} of provider {name!r} is not an http(s) URL.</source>
        <translation>服务商 {name!r} 的基础 URL {base_url!r} 不是 http(s) 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="451"/>
        <source>Enter a URL like http://localhost:8000/v1.</source>
        <translation>请输入类似 http://localhost:8000/v1 的地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="455"/>
        <source>No model is chosen for provider {name!r}.</source>
        <translation>服务商 {name!r} 尚未选择模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="456"/>
        <source>Pick one in Settings &gt; Models and providers, or pass --api-model NAME.</source>
        <translation>请在 设置 &gt; 模型与服务商 中选择一个，或传入 --api-model NAME。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="470"/>
        <source>No API key is set for provider {name!r}.</source>
        <translation>服务商 {name!r} 尚未设置 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="471"/>
        <source>Enter it in Settings &gt; Models and providers, or set the environment variable {key_env_var}.</source>
        <translation>请在 设置 &gt; 模型与服务商 中输入，或设置环境变量 {key_env_var}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="131"/>
        <source>Zhipu BigModel (mainland China)</source>
        <translation>智谱 BigModel（中国大陆）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="181"/>
        <source>Custom server</source>
        <translation>自定义服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="254"/>
        <source>A saved API provider has no name.</source>
        <translation>一个已保存的 API 服务商没有名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="254"/>
        <source>Open Settings &gt; Models and providers and fix it.</source>
        <translation>请打开 设置 &gt; 模型与服务商 并修正它。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="428"/>
        <source>There is no API provider called {wanted!r}.</source>
        <translation>没有名为 {wanted!r} 的 API 服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="429"/>
        <source>Use one of: {join}; or add it in Settings &gt; Models and providers.</source>
        <translation>请使用以下之一：{join}；或在 设置 &gt; 模型与服务商 中添加它。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="127"/>
        <source>glm-4.6v-flash is free; glm-4.6v is the 106B model.</source>
        <translation>glm-4.6v-flash 免费；glm-4.6v 是 106B 的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="147"/>
        <source>Serve with --reasoning-parser glm45 --tool-call-parser glm45 --enable-auto-tool-choice.</source>
        <translation>启动服务时加上 --reasoning-parser glm45 --tool-call-parser glm45 --enable-auto-tool-choice。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="154"/>
        <source>Serve with --reasoning-parser glm --tool-call-parser glm.</source>
        <translation>启动服务时加上 --reasoning-parser glm --tool-call-parser glm。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="162"/>
        <source>Pull a GLM-4.6V-Flash model that includes its vision projector.</source>
        <translation>请拉取包含视觉投影器的 GLM-4.6V-Flash 模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="169"/>
        <source>LM Studio may downscale images itself; grounding is better with full-size images.</source>
        <translation>LM Studio 可能会自行缩小图片；使用原尺寸图片时定位更准确。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="177"/>
        <source>Start llama-server with --mmproj (the matching projector) and --jinja.</source>
        <translation>启动 llama-server 时加上 --mmproj（对应的投影器）和 --jinja。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="437"/>
        <source>No API provider is configured.</source>
        <translation>尚未配置 API 服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="438"/>
        <source>Add one in Settings &gt; Models and providers, or pass --backend PRESET (e.g. zai, vllm, llamacpp).</source>
        <translation>请在 设置 &gt; 模型与服务商 中添加一个，或传入 --backend PRESET（例如 zai、vllm、llamacpp）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="268"/>
        <source>The saved API provider {name!r} has an invalid {key}: {value!r}.</source>
        <translation>已保存的 API 服务商 {name!r} 的 {key} 无效：{value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="269"/>
        <source>Open Settings &gt; Models and providers and correct it.</source>
        <translation>请打开 设置 &gt; 模型与服务商 并更正它。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/crash.py" line="87"/>
        <source>Something went wrong: {summary}. Details were saved to {report}.</source>
        <translation>出了点问题：{summary}。详细信息已保存到 {report}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="322"/>
        <source>The model failed: {error}.</source>
        <translation>模型出错：{error}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="520"/>
        <source>Could not understand the model: {exc}.</source>
        <translation>无法理解模型的回复：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/loop.py" line="322"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="27"/>
        <source>click</source>
        <translation>单击</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="28"/>
        <source>double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="29"/>
        <source>right-click</source>
        <translation>右键</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="30"/>
        <source>middle-click</source>
        <translation>中键</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="31"/>
        <source>hover</source>
        <translation>悬停</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="109"/>
        <source> at ({x}, {y}){screen}</source>
        <translation>，位置 ({x}, {y}){screen}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="121"/>
        <source>Drag{target} from ({x}, {y}) to ({x2}, {y2}){screen}</source>
        <translation>拖动{target}，从 ({x}, {y}) 到 ({x2}, {y2}){screen}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="103"/>
        <source> of screen {number} ({name})</source>
        <translation>（屏幕 {number}，{name}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="105"/>
        <source> of screen {number}</source>
        <translation>（屏幕 {number}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="171"/>
        <source>drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="178"/>
        <source>scroll up x{steps}</source>
        <translation>向上滚动 x{steps}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/plan.py" line="180"/>
        <source>scroll down x{steps}</source>
        <translation>向下滚动 x{steps}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="99"/>
        <source>Local model</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="175"/>
        <source>API provider</source>
        <translation>API 服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="584"/>
        <source>Finishing reading the image</source>
        <translation>正在读完图片</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="385"/>
        <source>The connection to {name} ({host_of}) broke before any answer arrived.</source>
        <translation>在收到任何回答之前，与 {name}（{host_of}）的连接已断开。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/remote_errors.py" line="360"/>
        <source>The host {host_of} of {name} could not be found.</source>
        <translation>找不到 {name} 的主机 {host_of}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/openai_compat.py" line="289"/>
        <source>{name} ({host_of}) accepted the request but has not answered for {waited:.0f} s, and it does not answer a simple check either: it seems stuck.</source>
        <translation>{name}（{host_of}）接受了请求，但已有 {waited:.0f} 秒没有回答，也不响应简单的检查：它似乎卡住了。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/crash.py" line="88"/>
        <source>Please report it with that file; the app keeps running.</source>
        <translation>请附上该文件报告问题；应用会继续运行。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/crash.py" line="93"/>
        <source>Something went wrong: {summary}. No report file could be written (is the disk full?).</source>
        <translation>出了点问题：{summary}。无法写入报告文件（磁盘是否已满？）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/crash.py" line="94"/>
        <source>The app keeps running. If it happens again, please report what you were doing.</source>
        <translation>应用会继续运行。如果再次发生，请报告你当时在做什么。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="34"/>
        <source>Free some space; your answer is kept and will be saved when space returns.</source>
        <translation>请释放一些空间；你的回答已保留，空间恢复后会被保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="63"/>
        <source>{problem} This session&apos;s chats are kept in memory only.</source>
        <translation>{problem}本次会话的对话只保存在内存中。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="97"/>
        <source>The history database {db_path} cannot be written: {reason}. Your earlier conversations are shown, but this session&apos;s chats are kept in memory only.</source>
        <translation>无法写入历史数据库 {db_path}：{reason}。之前的对话会显示出来，但本次会话的对话只保存在内存中。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="103"/>
        <source>Close the other program (or make the folder writable) and restart Desktop Helper to save history again.</source>
        <translation>请关闭另一个程序（或让该文件夹可写），然后重新启动 Desktop Helper，以便再次保存历史记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="146"/>
        <source>The history database {db_path} was damaged ({reason}). {recovered}</source>
        <translation>历史数据库 {db_path} 已损坏（{reason}）。{recovered}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="152"/>
        <source>The damaged file was kept as {copy}.</source>
        <translation>损坏的文件已保留为 {copy}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="38"/>
        <source>The disk is full: the history could not be saved to {db_path}.</source>
        <translation>磁盘已满：无法把历史记录保存到 {db_path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="140"/>
        <source>There is space again: the history was saved to {db_path}.</source>
        <translation>空间已恢复：历史记录已保存到 {db_path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="146"/>
        <source>The history file {db_path} was changed by another program while the disk was full.</source>
        <translation>在磁盘已满期间，历史文件 {db_path} 被另一个程序修改了。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/disk_full.py" line="147"/>
        <source>This session&apos;s new messages are kept in memory only until you quit; the file is left as it is.</source>
        <translation>在退出之前，本次会话的新消息只保存在内存中；该文件保持原样。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/store.py" line="251"/>
        <source>The history database {db_path} was written by a newer version (schema {version}).</source>
        <translation>历史数据库 {db_path} 由更新的版本写入（结构版本 {version}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/store.py" line="256"/>
        <source>Update Desktop Helper, or move the file aside to start a new history.</source>
        <translation>请更新 Desktop Helper，或把该文件移到别处以开始新的历史记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/store.py" line="107"/>
        <source>The history database {db_path} cannot be opened: {exc}.</source>
        <translation>无法打开历史数据库 {db_path}：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/store.py" line="108"/>
        <source>Move the file aside to start a new history, or restore its backup.</source>
        <translation>请把该文件移到别处以开始新的历史记录，或从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="48"/>
        <source>{problem} It is left as it is; this session&apos;s chats are kept in memory only.</source>
        <translation>{problem}该文件保持原样；本次会话的对话只保存在内存中。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="49"/>
        <source>Update Desktop Helper to see and keep your history.</source>
        <translation>请更新 Desktop Helper 以查看并保存你的历史记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="127"/>
        <source>The history database {db_path} is damaged ({reason}) and could not be replaced. This session&apos;s chats are kept in memory only.</source>
        <translation>历史数据库 {db_path} 已损坏（{reason}），且无法替换。本次会话的对话只保存在内存中。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/history/recovery.py" line="133"/>
        <source>Move the damaged file aside, or restore a backup of it.</source>
        <translation>请把损坏的文件移到别处，或从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ipc.py" line="103"/>
        <source>The program listening on {address} runs as another user, so your command was not sent to it.</source>
        <translation>在 {address} 上监听的程序以另一个用户身份运行，因此你的命令没有发送给它。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ipc.py" line="107"/>
        <source>Quit that program (or ask an administrator to), then start Desktop Helper again.</source>
        <translation>请退出该程序（或请管理员退出），然后重新启动 Desktop Helper。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/attachment.py" line="83"/>
        <source>Attach images (PNG, JPEG, WebP, BMP, GIF), videos (MP4, MOV, MKV, WebM), PDF, PPTX/DOCX/ODP/ODT, or text files.</source>
        <translation>可以附加图片（PNG、JPEG、WebP、BMP、GIF）、视频（MP4、MOV、MKV、WebM）、PDF、PPTX/DOCX/ODP/ODT 或文本文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="321"/>
        <source>Give {wanted} here; other files can be dropped into the chat window.</source>
        <translation>请在这里提供{wanted}；其他文件可以拖到聊天窗口中。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="287"/>
        <source>{name}: the file is too large ({shown_size}; the limit for this kind of file is {shown_limit}).</source>
        <translation>{name}：文件太大（{shown_size}；这类文件的上限是 {shown_limit}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="293"/>
        <source>Attach a smaller file or a part of it.</source>
        <translation>请附加更小的文件或其中的一部分。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="33"/>
        <source>{size}, first of {frames} frames</source>
        <translation>{size}，共 {frames} 帧中的第一帧</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="83"/>
        <source>{name}: the image is too large ({count}; the limit is {value:.0f} megapixels).</source>
        <translation>{name}：图片太大（{count}；上限为 {value:.0f} 百万像素）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="89"/>
        <location filename="../../desktop_helper/media/images.py" line="190"/>
        <location filename="../../desktop_helper/media/images.py" line="318"/>
        <source>Downscale or crop it first.</source>
        <translation>请先缩小或裁剪。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="50"/>
        <source>1 frame</source>
        <translation>1 帧</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="50"/>
        <source>{count} frames</source>
        <translation>{count} 帧</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="51"/>
        <source>{frames} of {duration:.1f} s</source>
        <translation>{frames}，共 {duration:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="339"/>
        <source>1 line</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="339"/>
        <source>{count} lines</source>
        <translation>{count} 行</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="255"/>
        <source>{name}: this is a folder, not a file.</source>
        <translation>{name}：这是一个文件夹，不是文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="255"/>
        <source>Attach the files inside it one by one.</source>
        <translation>请逐个附加其中的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="266"/>
        <source>{name}: this is {what}, not a normal file.</source>
        <translation>{name}：这是{what}，不是普通文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="266"/>
        <source>Attach a normal file.</source>
        <translation>请附加普通文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="268"/>
        <source>{name}: the file is empty (0 bytes).</source>
        <translation>{name}：文件是空的（0 字节）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="268"/>
        <source>Attach a file with content.</source>
        <translation>请附加有内容的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="101"/>
        <source>slide {first} of {total}</source>
        <translation>第 {first} 张幻灯片，共 {total} 张</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="119"/>
        <source>{name}: unsupported document type.</source>
        <translation>{name}：不支持的文档类型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="123"/>
        <source>{name}: {document_names} files are converted with LibreOffice, which is not installed.</source>
        <translation>{name}：{document_names} 文件需要用 LibreOffice 转换，但它没有安装。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="128"/>
        <source>Install LibreOffice (e.g. &apos;sudo apt install libreoffice-impress libreoffice-writer&apos;, or from libreoffice.org), or export the file as PDF and attach that.</source>
        <translation>请安装 LibreOffice（例如 &apos;sudo apt install libreoffice-impress libreoffice-writer&apos;，或从 libreoffice.org 下载），或者把文件导出为 PDF 后附加。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="337"/>
        <source>{name}: this looks like a binary file, not text.</source>
        <translation>{name}：这看起来是二进制文件，不是文本。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="157"/>
        <source>{name}: unsupported file type (not an image, video, PDF, document or UTF-8 text).</source>
        <translation>{name}：不支持的文件类型（不是图片、视频、PDF、文档或 UTF-8 文本）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="162"/>
        <source>{name}: the name says {suffix}, but the file contains plain text.</source>
        <translation>{name}：文件名表明是 {suffix}，但文件内容是纯文本。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="167"/>
        <source>Rename it to .txt to attach it as text, or attach the real file.</source>
        <translation>请把它重命名为 .txt 以作为文本附加，或附加真正的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="172"/>
        <source>{name}: this is {kind_names}, not {wanted}.</source>
        <translation>{name}：这是{kind_names}，不是{wanted}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="230"/>
        <source>{name}: the file does not exist.</source>
        <translation>{name}：文件不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="230"/>
        <source>Check the path.</source>
        <translation>请检查路径。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="233"/>
        <location filename="../../desktop_helper/media/documents.py" line="241"/>
        <location filename="../../desktop_helper/media/documents.py" line="277"/>
        <location filename="../../desktop_helper/media/documents.py" line="141"/>
        <source>{name}: cannot read it ({strerror}).</source>
        <translation>{name}：无法读取（{strerror}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="233"/>
        <location filename="../../desktop_helper/media/documents.py" line="241"/>
        <location filename="../../desktop_helper/media/documents.py" line="277"/>
        <location filename="../../desktop_helper/media/documents.py" line="141"/>
        <location filename="../../desktop_helper/models/gguf_info.py" line="139"/>
        <source>Check the file&apos;s permissions.</source>
        <translation>请检查文件的权限。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="69"/>
        <source>{name}: the image is damaged or truncated (a header or checksum is wrong, or the format is unknown).</source>
        <translation>{name}：图片已损坏或不完整（文件头或校验和有误，或格式未知）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="70"/>
        <location filename="../../desktop_helper/media/image_files.py" line="75"/>
        <source>Re-save the image and attach it again.</source>
        <translation>请重新保存图片后再附加。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/image_files.py" line="74"/>
        <source>{name}: the image is damaged or truncated ({exc}).</source>
        <translation>{name}：图片已损坏或不完整（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="21"/>
        <source>{name}: the video cannot be opened (damaged or unsupported codec).</source>
        <translation>{name}：无法打开视频（已损坏或编码格式不受支持）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="22"/>
        <location filename="../../desktop_helper/media/video_files.py" line="27"/>
        <location filename="../../desktop_helper/media/video_files.py" line="45"/>
        <source>Re-encode it as H.264 MP4.</source>
        <translation>请将其重新编码为 H.264 MP4。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="27"/>
        <source>{name}: the video has no readable frames.</source>
        <translation>{name}：视频中没有可读取的帧。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/video_files.py" line="44"/>
        <source>{name}: no frame of the video could be decoded (damaged or truncated).</source>
        <translation>{name}：视频中没有任何一帧能被解码（已损坏或不完整）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="49"/>
        <source>{shown}: the PDF is damaged or truncated ({reason}).</source>
        <translation>{shown}：PDF 已损坏或不完整（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="50"/>
        <source>Re-export the PDF and attach it again.</source>
        <translation>请重新导出 PDF 后再附加。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="55"/>
        <source>{shown}: the PDF has no pages.</source>
        <translation>{shown}：PDF 没有页面。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="55"/>
        <source>Attach a PDF with content.</source>
        <translation>请附加有内容的 PDF。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="97"/>
        <source>1 slide</source>
        <translation>1 张幻灯片</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="97"/>
        <source>{count} slides</source>
        <translation>{count} 张幻灯片</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="99"/>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="64"/>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="99"/>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="64"/>
        <source>{count} pages</source>
        <translation>{count} 页</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="102"/>
        <source>page {first} of {total}</source>
        <translation>第 {first} 页，共 {total} 页</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="104"/>
        <source>slides {first}-{last} of {total}</source>
        <translation>第 {first}-{last} 张幻灯片，共 {total} 张</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="106"/>
        <source>pages {first}-{last} of {total}</source>
        <translation>第 {first}-{last} 页，共 {total} 页</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="162"/>
        <source>{name}: LibreOffice could not convert it (damaged or unsupported file).</source>
        <translation>{name}：LibreOffice 无法转换它（文件已损坏或不受支持）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="163"/>
        <source>Export it as PDF yourself.</source>
        <translation>请自行将其导出为 PDF。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="184"/>
        <source>{name}: the document is damaged or truncated ({exc}).</source>
        <translation>{name}：文档已损坏或不完整（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="184"/>
        <source>Re-save it and attach it again.</source>
        <translation>请重新保存后再附加。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="333"/>
        <source>{name}: the text is not UTF-8 (invalid byte at position {start}).</source>
        <translation>{name}：文本不是 UTF-8 编码（位置 {start} 处有无效字节）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="334"/>
        <source>Save it as UTF-8 and attach it again.</source>
        <translation>请将其保存为 UTF-8 后再附加。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="149"/>
        <source>{name}: the content is not a valid {suffix} file (unrecognised or damaged data).</source>
        <translation>{name}：内容不是有效的 {suffix} 文件（无法识别或数据已损坏）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="154"/>
        <source>Re-save or re-export the file and attach it again.</source>
        <translation>请重新保存或重新导出该文件后再附加。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="228"/>
        <source>{name}: the link points to a file that does not exist.</source>
        <translation>{name}：链接指向的文件不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/documents.py" line="228"/>
        <source>Attach the file itself.</source>
        <translation>请附加文件本身。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="46"/>
        <source>{shown}: the PDF is password-protected.</source>
        <translation>{shown}：PDF 受密码保护。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="46"/>
        <source>Save an unprotected copy and attach that.</source>
        <translation>请保存一份未加密的副本并附加它。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="61"/>
        <source>{shown}: it has only {pages}.</source>
        <translation>{shown}：它只有 {pages}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="66"/>
        <source>Choose pages between 1 and {total}.</source>
        <translation>请选择 1 到 {total} 之间的页面。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="71"/>
        <source>{shown}: at most {hard_max_pages} pages can be sent at once.</source>
        <translation>{shown}：一次最多只能发送 {hard_max_pages} 页。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="72"/>
        <source>Choose a shorter page range.</source>
        <translation>请选择更短的页面范围。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="152"/>
        <source>{name}: LibreOffice took too long to convert it.</source>
        <translation>{name}：LibreOffice 转换它所用的时间太长。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="152"/>
        <source>Export it as PDF yourself and attach that.</source>
        <translation>请自行将其导出为 PDF 后附加。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="156"/>
        <source>{name}: LibreOffice could not be started ({strerror}).</source>
        <translation>{name}：无法启动 LibreOffice（{strerror}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="157"/>
        <source>Reinstall LibreOffice.</source>
        <translation>请重新安装 LibreOffice。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="84"/>
        <source>{shown}: page {value} cannot be rendered ({exc}).</source>
        <translation>{shown}：无法渲染第 {value} 页（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/pdf_pages.py" line="85"/>
        <source>Re-export the PDF.</source>
        <translation>请重新导出 PDF。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/frames.py" line="34"/>
        <source>Unexpected pixel layout {shape}.</source>
        <translation>意外的像素布局 {shape}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/frames.py" line="65"/>
        <source>The capture could not be encoded.</source>
        <translation>无法编码截图。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="67"/>
        <source>The image is empty ({width}x{height} px).</source>
        <translation>图片是空的（{width}x{height} 像素）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="67"/>
        <source>Capture or choose another image.</source>
        <translation>请重新截图或选择另一张图片。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="71"/>
        <source>The image is too thin for the model ({width}x{height} px, aspect ratio above {max_aspect_ratio:g}).</source>
        <translation>图片对模型来说太窄（{width}x{height} 像素，宽高比超过 {max_aspect_ratio:g}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="77"/>
        <source>Crop it to a less elongated region.</source>
        <translation>请把它裁剪成不那么狭长的区域。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="81"/>
        <source>The image token budget must be at least 1, not {max_tokens}.</source>
        <translation>图像 token 预算至少为 1，而不是 {max_tokens}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="82"/>
        <source>Raise the image token budget.</source>
        <translation>请调高图像 token 预算。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="188"/>
        <location filename="../../desktop_helper/media/images.py" line="321"/>
        <source>Cannot decode {what}: {exc}.</source>
        <translation>无法解码{what}：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="190"/>
        <location filename="../../desktop_helper/media/images.py" line="318"/>
        <source>The image is too large to open safely: {exc}.</source>
        <translation>图片太大，无法安全打开：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="177"/>
        <source>Cannot read the image {path}: {value}.</source>
        <translation>无法读取图片 {path}：{value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/images.py" line="178"/>
        <source>Check the path and permissions.</source>
        <translation>请检查路径和权限。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="660"/>
        <source>Cannot open the video {path}.</source>
        <translation>无法打开视频 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="660"/>
        <source>Use an MP4, WebM or AVI file.</source>
        <translation>请使用 MP4、WebM 或 AVI 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="679"/>
        <source>The video {path} has no readable frames.</source>
        <translation>视频 {path} 中没有可读取的帧。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="110"/>
        <source>The frame rate must be at least 1, not {fps}.</source>
        <translation>帧率至少为 1，而不是 {fps}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="112"/>
        <source>A recording needs something that grabs the screen.</source>
        <translation>录屏需要能截取屏幕的组件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="118"/>
        <source>The region to record is too small.</source>
        <translation>要录制的区域太小。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="118"/>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="99"/>
        <source>Select a larger region.</source>
        <translation>请选择更大的区域。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="153"/>
        <source>There is not enough free space for a recording in {folder}: {megabytes} free, and a recording needs at least {megabytes2}.</source>
        <translation>{folder} 中没有足够的空间用于录屏：可用 {megabytes}，而录屏至少需要 {megabytes2}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="160"/>
        <source>Free some space or choose another folder in Settings &gt; Capture.</source>
        <translation>请释放一些空间，或在 设置 &gt; 截图 中选择另一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="324"/>
        <source>Check that the folder is writable.</source>
        <translation>请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="147"/>
        <source>Cannot create the recordings folder {folder}: {value}.</source>
        <translation>无法创建录屏文件夹 {folder}：{value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/agent/record.py" line="187"/>
        <source>Agent: {task}</source>
        <translation>智能体：{task}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ask.py" line="354"/>
        <source>Pass --model FILE.gguf --mmproj MMPROJ.gguf, or choose a model in the app&apos;s Settings &gt; Models and providers.</source>
        <translation>请传入 --model FILE.gguf --mmproj MMPROJ.gguf，或在应用的 设置 &gt; 模型与服务商 中选择一个模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/factory.py" line="250"/>
        <source>Choose one in Settings &gt; Models and providers: a GLM-4.6V-Flash model file (GGUF) with its vision projector (mmproj), or an API provider.</source>
        <translation>请在 设置 &gt; 模型与服务商 中选择：一个 GLM-4.6V-Flash 模型文件（GGUF）及其视觉投影器（mmproj），或一个 API 服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="133"/>
        <source>CPU only (no usable GPU)</source>
        <translation>仅 CPU（没有可用的 GPU）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="130"/>
        <source>CPU only (set to CPU in Settings)</source>
        <translation>仅 CPU（已在设置中选择 CPU）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="132"/>
        <source>CPU only (GPU available but not used)</source>
        <translation>仅 CPU（有 GPU 但未使用）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="125"/>
        <source>GPU {devices}: {offloaded}/{total} layers</source>
        <translation>GPU {devices}：{offloaded}/{total} 层</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="127"/>
        <source>GPU: {offloaded}/{total} layers</source>
        <translation>GPU：{offloaded}/{total} 层</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="128"/>
        <source>{where}, vision encoder on the CPU</source>
        <translation>{where}，视觉编码器在 CPU 上</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="330"/>
        <source>llama.cpp&apos;s compute libraries could not be loaded: {exc}.</source>
        <translation>无法加载 llama.cpp 的计算库：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/backends/local_gguf.py" line="331"/>
        <source>Reinstall Desktop Helper; if it persists, report it with the log file.</source>
        <translation>请重新安装 Desktop Helper；如果问题仍然存在，请附上日志文件报告此问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="211"/>
        <source>The disk is almost full ({free} free; a recording keeps at least {kept} free), so the recording stopped. What was recorded so far is kept.</source>
        <translation>磁盘快满了（剩余 {free}；录屏至少要保留 {kept} 的剩余空间），所以录屏已停止。已录下的内容都会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="571"/>
        <source>Cannot write the video {partial}: {exc}.</source>
        <translation>无法写入视频 {partial}：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="148"/>
        <location filename="../../desktop_helper/media/recording.py" line="167"/>
        <source>Choose another folder in Settings &gt; Capture.</source>
        <translation>请在 设置 &gt; 截图 中选择另一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="166"/>
        <source>Cannot write in the recordings folder {folder}: {value}.</source>
        <translation>无法写入录屏文件夹 {folder}：{value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/media/recording.py" line="324"/>
        <source>Cannot write the video {path}: {exc}.</source>
        <translation>无法写入视频 {path}：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="170"/>
        <source>Cannot download from {url!r}.</source>
        <translation>无法从 {url!r} 下载。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="170"/>
        <source>Only http and https URLs are supported.</source>
        <translation>只支持 http 和 https 地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="295"/>
        <source>{name} has {size:,} bytes instead of {total:,}.</source>
        <translation>{name} 有 {size:,} 字节，而不是 {total:,} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="296"/>
        <source>Start the download again.</source>
        <translation>请重新开始下载。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="331"/>
        <source>Not enough disk space for {name}: {value:.2f} GB more are needed, {value2:.2f} GB are free in {folder}.</source>
        <translation>磁盘空间不足，无法下载 {name}：还需要 {value:.2f} GB，{folder} 中只有 {value2:.2f} GB 可用。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="338"/>
        <source>Free some disk space or choose another models folder, then resume the download.</source>
        <translation>请释放一些磁盘空间或选择另一个模型文件夹，然后继续下载。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="198"/>
        <source>The server refused the download of {name} (HTTP {code} {reason}).</source>
        <translation>服务器拒绝下载 {name}（HTTP {code} {reason}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="204"/>
        <source>Check the model name and your network; if the file moved, update desktop-helper.</source>
        <translation>请检查模型名称和网络；如果文件已移动，请更新 desktop-helper。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="225"/>
        <source>The server offers {name} with {total:,} bytes, but {expected_size:,} were expected.</source>
        <translation>服务器提供的 {name} 有 {total:,} 字节，但预期为 {expected_size:,} 字节。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="231"/>
        <source>The file changed upstream; update desktop-helper or pick the file manually.</source>
        <translation>上游文件已更改；请更新 desktop-helper 或手动选择文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="306"/>
        <source>{name} is damaged: its sha256 is {digest}..., expected {sha256}....</source>
        <translation>{name} 已损坏：它的 sha256 是 {digest}...，预期为 {sha256}...。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="312"/>
        <source>The damaged file was deleted; start the download again.</source>
        <translation>损坏的文件已删除；请重新开始下载。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="135"/>
        <source>The download of {name} was interrupted: {exc}.</source>
        <translation>{name} 的下载被中断：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/download.py" line="136"/>
        <source>Check the network connection and start the download again; it will resume where it stopped.</source>
        <translation>请检查网络连接并重新开始下载；它会从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="129"/>
        <source>The model file {file} does not exist.</source>
        <translation>模型文件 {file} 不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="129"/>
        <source>Choose an existing GGUF file, or download the model again.</source>
        <translation>请选择一个已存在的 GGUF 文件，或重新下载模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="132"/>
        <source>{file} is not a file.</source>
        <translation>{file} 不是文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="132"/>
        <source>Choose a GGUF model file, not a folder.</source>
        <translation>请选择一个 GGUF 模型文件，而不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="152"/>
        <source>{name} is not a GGUF model file.</source>
        <translation>{name} 不是 GGUF 模型文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="153"/>
        <source>Choose a .gguf file made for llama.cpp (safetensors or PyTorch checkpoints must be converted first).</source>
        <translation>请选择为 llama.cpp 制作的 .gguf 文件（safetensors 或 PyTorch 检查点需要先转换）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="158"/>
        <source>{name} uses GGUF version {version}, which is not supported.</source>
        <translation>{name} 使用 GGUF 版本 {version}，该版本不受支持。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="159"/>
        <source>Download a current GGUF conversion of the model.</source>
        <translation>请下载该模型当前的 GGUF 转换版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="139"/>
        <source>Cannot read {file}: {value}.</source>
        <translation>无法读取 {file}：{value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="143"/>
        <source>{name} is truncated or damaged (its GGUF header cannot be read).</source>
        <translation>{name} 不完整或已损坏（无法读取其 GGUF 文件头）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/gguf_info.py" line="144"/>
        <source>Download the file again; the download may have been cut short.</source>
        <translation>请重新下载该文件；下载可能被中途截断。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="48"/>
        <source>Download {size}{resumed}; {free:.0f} GB of disk space free; needs {memory}</source>
        <translation>下载 {size}{resumed}；磁盘剩余空间 {free:.0f} GB；需要{memory}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="46"/>
        <source>{size:.1f} GB</source>
        <translation>{size:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="46"/>
        <source>size unknown</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="47"/>
        <source>, {done:.1f} GB already downloaded</source>
        <translation>，已下载 {done:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="128"/>
        <source>Not enough disk space for {title}: {value:.1f} GB more are needed, {value2:.1f} GB are free.</source>
        <translation>磁盘空间不足，无法下载 {title}：还需要 {value:.1f} GB，只有 {value2:.1f} GB 可用。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="134"/>
        <source>Free some disk space or choose another models folder in Settings.</source>
        <translation>请释放一些磁盘空间，或在设置中选择另一个模型文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="167"/>
        <source>{title} is ready</source>
        <translation>{title} 已就绪</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="177"/>
        <source>No vision projector was chosen.</source>
        <translation>尚未选择视觉投影器。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="177"/>
        <source>Pick the model&apos;s mmproj file too.</source>
        <translation>请同时选择模型的 mmproj 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="149"/>
        <source>Checking {label}: {done:.0f} MB{speed}</source>
        <translation>正在检查 {label}：{done:.0f} MB{speed}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="150"/>
        <source>Downloading {label}: {done:.0f} MB{speed}</source>
        <translation>正在下载 {label}：{done:.0f} MB{speed}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="151"/>
        <source>Verifying {label}: {done:.0f} MB{speed}</source>
        <translation>正在校验 {label}：{done:.0f} MB{speed}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/manager.py" line="152"/>
        <source>Done {label}: {done:.0f} MB{speed}</source>
        <translation>已完成 {label}：{done:.0f} MB{speed}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/memory.py" line="66"/>
        <source>The model needs {summary}. Loading it may fail or make the computer swap. Choose a smaller context size or image token budget, or a smaller quantization.</source>
        <translation>该模型需要{summary}。加载可能失败，或导致电脑使用交换空间。请选择更小的上下文长度或图像 token 预算，或更小的量化版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/memory.py" line="99"/>
        <source>Without flash attention the vision encoder&apos;s memory grows with the square of the image token budget.</source>
        <translation>不使用 Flash Attention 时，视觉编码器的内存会随图像 token 预算的平方增长。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="119"/>
        <source>{name} is a vision projector (mmproj), not a language model.</source>
        <translation>{name} 是视觉投影器（mmproj），不是语言模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="120"/>
        <source>Choose the main model file as the model and this file as the vision projector.</source>
        <translation>请把主模型文件选作模型，把这个文件选作视觉投影器。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="124"/>
        <source>{name} is incomplete ({file_size:,} bytes, its header promises {value:,}).</source>
        <translation>{name} 不完整（{file_size:,} 字节，文件头声明为 {value:,} 字节）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="130"/>
        <source>Download the model again; the download was cut short.</source>
        <translation>请重新下载模型；下载被中途截断。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="135"/>
        <source>{name} does not describe a language model llama.cpp can run.</source>
        <translation>{name} 描述的不是 llama.cpp 能运行的语言模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="136"/>
        <source>Choose a GLM-4.6V-Flash GGUF file.</source>
        <translation>请选择一个 GLM-4.6V-Flash GGUF 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="159"/>
        <source>{name} is a language model, not a vision projector (mmproj).</source>
        <translation>{name} 是语言模型，不是视觉投影器（mmproj）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="160"/>
        <source>Choose the mmproj-*.gguf file that belongs to the model as the vision projector.</source>
        <translation>请把属于该模型的 mmproj-*.gguf 文件选作视觉投影器。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="164"/>
        <source>{name} is incomplete ({file_size:,} bytes).</source>
        <translation>{name} 不完整（{file_size:,} 字节）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="165"/>
        <source>Download the vision projector again; the download was cut short.</source>
        <translation>请重新下载视觉投影器；下载被中途截断。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="170"/>
        <source>The vision projector {name} does not match the model {name2} (it produces {projection_dim}-wide embeddings, the model expects {n_embd}).</source>
        <translation>视觉投影器 {name} 与模型 {name2} 不匹配（它输出 {projection_dim} 维的嵌入，而模型需要 {n_embd} 维）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="178"/>
        <source>Use the mmproj file published together with this model.</source>
        <translation>请使用与该模型一起发布的 mmproj 文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="183"/>
        <source>{name} is a text-only GLM-4 conversion (it lacks the M-RoPE rope sections images need).</source>
        <translation>{name} 是纯文本的 GLM-4 转换版本（缺少图像所需的 M-RoPE 位置编码分段）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="184"/>
        <source>Download a GLM-4.6V-Flash GGUF converted with vision support, e.g. ggml-org/GLM-4.6V-Flash-GGUF.</source>
        <translation>请下载带视觉支持转换的 GLM-4.6V-Flash GGUF，例如 ggml-org/GLM-4.6V-Flash-GGUF。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="148"/>
        <source>No vision projector (mmproj) is set for {name}, so the model cannot see images.</source>
        <translation>{name} 没有设置视觉投影器（mmproj），因此模型看不到图片。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/models/pair.py" line="149"/>
        <source>Choose the matching mmproj GGUF file in Settings &gt; Models (for GLM-4.6V-Flash: mmproj-GLM-4.6V-Flash-Q8_0.gguf).</source>
        <translation>请在 设置 &gt; 模型 中选择对应的 mmproj GGUF 文件（GLM-4.6V-Flash 对应 mmproj-GLM-4.6V-Flash-Q8_0.gguf）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="150"/>
        <source>PrtSc is taken by the Snipping Tool, OneDrive or the desktop&apos;s screenshot tool</source>
        <translation>PrtSc 已被截图工具、OneDrive 或桌面自带的截图工具占用</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="151"/>
        <source>Win+Shift+S opens the Snipping Tool on Windows</source>
        <translation>在 Windows 上 Win+Shift+S 会打开截图工具</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="152"/>
        <source>Win+Shift+A is taken by Windows (Copilot / action centre)</source>
        <translation>Win+Shift+A 已被 Windows 占用（Copilot / 操作中心）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="153"/>
        <source>taken by the Windows screenshot tools</source>
        <translation>已被 Windows 截图工具占用</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="97"/>
        <source>The hotkey is empty.</source>
        <translation>快捷键为空。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="128"/>
        <source>&apos;{text}&apos; must have exactly one key besides the modifiers, not {count}.</source>
        <translation>&apos;{text}&apos; 除修饰键外必须恰好有一个键，而不是 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="133"/>
        <source>&apos;{text}&apos; needs a modifier (Ctrl, Alt, Shift or Win/Cmd), or it would fire while you type.</source>
        <translation>&apos;{text}&apos; 需要一个修饰键（Ctrl、Alt、Shift 或 Win/Cmd），否则打字时会被触发。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="137"/>
        <source>&apos;{text}&apos;: with Shift the key &apos;{key}&apos; types another character on most layouts; use a letter or a named key.</source>
        <translation>&apos;{text}&apos;：在大多数键盘布局上，按住 Shift 时 &apos;{key}&apos; 键会输入另一个字符；请使用字母或有名称的键。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="144"/>
        <source>&apos;{text}&apos; is just a capital letter; add Ctrl, Alt or Win/Cmd.</source>
        <translation>&apos;{text}&apos; 只是一个大写字母；请加上 Ctrl、Alt 或 Win/Cmd。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="103"/>
        <source>&apos;{text}&apos; has an empty part; write keys like &lt;ctrl&gt;+&lt;alt&gt;+&lt;shift&gt;+a.</source>
        <translation>&apos;{text}&apos; 有一个空的部分；请写成 &lt;ctrl&gt;+&lt;alt&gt;+&lt;shift&gt;+a 这样的形式。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="109"/>
        <source>&apos;{text}&apos; contains a key that cannot be typed.</source>
        <translation>&apos;{text}&apos; 包含一个无法输入的键。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="115"/>
        <source>&apos;{text}&apos; names {canonical} twice.</source>
        <translation>&apos;{text}&apos; 两次用到了 {canonical}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/parsers/hotkeys.py" line="121"/>
        <source>&apos;{name}&apos; in &apos;{text}&apos; is not a key name (use e.g. &lt;ctrl&gt;, &lt;alt&gt;, &lt;shift&gt;, &lt;cmd&gt;, &lt;f5&gt;, a).</source>
        <translation>&apos;{text}&apos; 中的 &apos;{name}&apos; 不是键名（可以使用 &lt;ctrl&gt;、&lt;alt&gt;、&lt;shift&gt;、&lt;cmd&gt;、&lt;f5&gt;、a 等）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/__init__.py" line="45"/>
        <source>No display was found, so the screen cannot be captured.</source>
        <translation>没有找到显示器，因此无法截取屏幕。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/__init__.py" line="46"/>
        <source>Run the app inside a desktop session (DISPLAY or WAYLAND_DISPLAY must be set).</source>
        <translation>请在桌面会话中运行应用（必须设置 DISPLAY 或 WAYLAND_DISPLAY）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="185"/>
        <source>The region {as_ints} is on no monitor; was a monitor unplugged?</source>
        <translation>区域 {as_ints} 不在任何显示器上；是否拔掉了某个显示器？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="186"/>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="195"/>
        <source>Select the region again.</source>
        <translation>请重新选择区域。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="57"/>
        <source>The region {as_ints} is outside the captured area {as_ints2}.</source>
        <translation>区域 {as_ints} 超出了截图范围 {as_ints2}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="105"/>
        <location filename="../../desktop_helper/ui/agent_session.py" line="495"/>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="251"/>
        <source>No monitor was found.</source>
        <translation>没有找到显示器。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="105"/>
        <source>Check that a display is connected.</source>
        <translation>请检查是否连接了显示器。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/macos.py" line="94"/>
        <source>macOS has not allowed Desktop Helper to record the screen, so captures would show only the desktop.</source>
        <translation>macOS 尚未允许 Desktop Helper 录制屏幕，因此截图只会显示桌面。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/macos.py" line="95"/>
        <source>Open System Settings &gt; Privacy &amp; Security &gt; Screen Recording, turn on Desktop Helper, then quit and reopen the app (macOS applies the permission only to a new start).</source>
        <translation>请打开 系统设置 &gt; 隐私与安全性 &gt; 屏幕录制，打开 Desktop Helper，然后退出并重新打开应用（macOS 只在重新启动后应用该权限）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="56"/>
        <source>Screen capture was closed.</source>
        <translation>屏幕截图已关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="98"/>
        <source>The region to capture is empty ({width}x{height} px).</source>
        <translation>要截取的区域是空的（{width}x{height} 像素）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="129"/>
        <source>A BGR buffer is needed, not {dtype} {shape}.</source>
        <translation>需要 BGR 缓冲区，而不是 {dtype} {shape}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="133"/>
        <source>A {columns}x{rows} frame does not fit the region to capture ({width}x{height} px).</source>
        <translation>{columns}x{rows} 的帧与要截取的区域（{width}x{height} 像素）不符。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="149"/>
        <source>The capture is {width}x{height} px, smaller than the {columns}x{rows} frame.</source>
        <translation>截图为 {width}x{height} 像素，小于 {columns}x{rows} 的帧。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="235"/>
        <source>Capturing {width}x{height} px at ({left}, {top}) failed: {exc}.</source>
        <translation>截取位于 ({left}, {top}) 的 {width}x{height} 像素失败：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="243"/>
        <source>A monitor may have been unplugged; capture again.</source>
        <translation>可能拔掉了某个显示器；请重新截图。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="67"/>
        <source>Start the app inside your desktop session (no display was reachable).</source>
        <translation>请在你的桌面会话中启动应用（无法连接到显示器）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/mss_backend.py" line="81"/>
        <source>The monitors cannot be listed: {exc}.</source>
        <translation>无法列出显示器：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="42"/>
        <source>Install xdg-desktop-portal with your desktop&apos;s backend (xdg-desktop-portal-gnome, -kde or -wlr), or &apos;grim&apos; on wlroots desktops (Sway, Hyprland), or log in to an X11 session.</source>
        <translation>请安装 xdg-desktop-portal 及适合你桌面的后端（xdg-desktop-portal-gnome、-kde 或 -wlr），或在 wlroots 桌面（Sway、Hyprland）上安装 &apos;grim&apos;，或者登录 X11 会话。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="123"/>
        <source>Neither the screenshot portal nor grim is available on this Wayland desktop.</source>
        <translation>在这个 Wayland 桌面上，截图门户和 grim 都不可用。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="69"/>
        <source>No D-Bus session bus to reach the screenshot portal ({exc}).</source>
        <translation>没有 D-Bus 会话总线，无法连接截图门户（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="96"/>
        <source>The desktop refused the screenshot (permission denied or cancelled).</source>
        <translation>桌面拒绝了截图（权限被拒绝或已取消）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="97"/>
        <source>Allow screenshots for Desktop Helper in your desktop&apos;s privacy settings, then capture again.</source>
        <translation>请在桌面的隐私设置中允许 Desktop Helper 截图，然后重新截图。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="111"/>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="91"/>
        <source>The screenshot portal did not answer in time.</source>
        <translation>截图门户没有及时回应。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="129"/>
        <source>grim could not capture the screen: {value}.</source>
        <translation>grim 无法截取屏幕：{value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="189"/>
        <source>The region {as_ints} is outside the {width}x{height} px screenshot the desktop returned.</source>
        <translation>区域 {as_ints} 超出了桌面返回的 {width}x{height} 像素截图。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="84"/>
        <source>The screenshot portal is not available ({value}).</source>
        <translation>截图门户不可用（{value}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="104"/>
        <source>The portal&apos;s screenshot could not be read ({exc}).</source>
        <translation>无法读取门户返回的截图（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/wayland.py" line="91"/>
        <source>Answer the desktop&apos;s screenshot prompt.</source>
        <translation>请回应桌面的截图提示。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/__init__.py" line="35"/>
        <source>No display was found, so global hotkeys cannot work.</source>
        <translation>没有找到显示器，因此全局快捷键无法工作。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/__init__.py" line="35"/>
        <source>Start the app in your desktop session.</source>
        <translation>请在你的桌面会话中启动应用。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/__init__.py" line="38"/>
        <source>Wayland does not let apps listen for global hotkeys.</source>
        <translation>Wayland 不允许应用监听全局快捷键。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/__init__.py" line="39"/>
        <source>Bind your desktop&apos;s own shortcuts to commands, e.g. &apos;desktop-helper capture region&apos; or &apos;desktop-helper record&apos;.</source>
        <translation>请把桌面自带的快捷键绑定到命令，例如 &apos;desktop-helper capture region&apos; 或 &apos;desktop-helper record&apos;。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="107"/>
        <source>{hotkey} is set for both {replace} and {replace2}; only the first works.</source>
        <translation>{hotkey} 同时设置给了 {replace} 和 {replace2}；只有第一个有效。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="113"/>
        <source>Give each action its own hotkey in Settings &gt; Hotkeys.</source>
        <translation>请在 设置 &gt; 快捷键 中为每个操作设置各自的快捷键。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="122"/>
        <source>{hotkey} may not reach Desktop Helper: {note}.</source>
        <translation>{hotkey} 可能无法传到 Desktop Helper：{note}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="123"/>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="85"/>
        <source>Choose another hotkey in Settings &gt; Hotkeys.</source>
        <translation>请在 设置 &gt; 快捷键 中选择另一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="98"/>
        <source>The hotkey for {replace} is not usable: {exc}</source>
        <translation>{replace} 的快捷键不可用：{exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/base.py" line="99"/>
        <source>Change it in Settings &gt; Hotkeys.</source>
        <translation>请在 设置 &gt; 快捷键 中更改。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="315"/>
        <source>Bind desktop shortcuts to commands instead, e.g. &apos;desktop-helper capture region&apos;.</source>
        <translation>请改为把桌面快捷键绑定到命令，例如 &apos;desktop-helper capture region&apos;。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="311"/>
        <source>Allow Desktop Helper under System Settings &gt; Privacy &amp; Security &gt; Input Monitoring and Accessibility, then restart it.</source>
        <translation>请在 系统设置 &gt; 隐私与安全性 &gt; 输入监控 和 辅助功能 中允许 Desktop Helper，然后重新启动它。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="336"/>
        <source>macOS does not let Desktop Helper see the keyboard, so global hotkeys will not work.</source>
        <translation>macOS 不允许 Desktop Helper 读取键盘，因此全局快捷键无法工作。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="337"/>
        <source>Allow it under System Settings &gt; Privacy &amp; Security &gt; Accessibility and Input Monitoring, then quit and reopen it.</source>
        <translation>请在 系统设置 &gt; 隐私与安全性 &gt; 辅助功能 和 输入监控 中允许它，然后退出并重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="114"/>
        <source>Global hotkeys could not start (the keyboard listener stopped).</source>
        <translation>全局快捷键无法启动（键盘监听已停止）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="79"/>
        <source>{parsed} ({replace}) is already used by {why}; both may react.</source>
        <translation>{parsed}（{replace}）已被{why}占用；两者可能都会响应。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="91"/>
        <source>Global hotkeys are not available: {exc}</source>
        <translation>全局快捷键不可用：{exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/hotkeys/pynput_backend.py" line="109"/>
        <source>Global hotkeys could not start: {exc}.</source>
        <translation>全局快捷键无法启动：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/__init__.py" line="31"/>
        <source>The agent cannot control the mouse and keyboard in a Wayland session.</source>
        <translation>在 Wayland 会话中，智能体无法控制鼠标和键盘。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/__init__.py" line="32"/>
        <source>Log in to an X11 (Xorg) session to let the agent act; suggestions still work.</source>
        <translation>请登录 X11（Xorg）会话，让智能体可以操作；建议功能仍然可用。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/__init__.py" line="40"/>
        <source>Synthetic input is not available: {exc}.</source>
        <translation>模拟输入不可用：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/__init__.py" line="40"/>
        <source>Check that the display is reachable.</source>
        <translation>请检查显示器是否可以连接。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/base.py" line="96"/>
        <source>The point ({point}, {point2}) is outside the captured screen area.</source>
        <translation>点 ({point}, {point2}) 超出了截图的屏幕范围。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/input/base.py" line="97"/>
        <source>The agent only acts on the monitor it captured.</source>
        <translation>智能体只在它截图的显示器上操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="31"/>
        <source>Remove it (as the user who owns it, or as administrator: rm -r &apos;{folder}&apos;) and start again, or set XDG_RUNTIME_DIR to a private folder of yours.</source>
        <translation>请删除它（以其所有者身份，或以管理员身份：rm -r &apos;{folder}&apos;）然后重新启动，或把 XDG_RUNTIME_DIR 设为你自己的私有文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="38"/>
        <source>The folder for the command socket, {folder}, is not a plain folder, so it is not safe to use.</source>
        <translation>命令套接字的文件夹 {folder} 不是普通文件夹，因此使用它不安全。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="42"/>
        <source>The folder for the command socket, {folder}, belongs to another user (uid {st_uid}), who could read the commands you send to Desktop Helper.</source>
        <translation>命令套接字的文件夹 {folder} 属于另一个用户（uid {st_uid}），该用户可能读取你发给 Desktop Helper 的命令。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="52"/>
        <source>The folder for the command socket, {folder}, can be used by other users (mode {s_imode:04o}, it must be 0700).</source>
        <translation>命令套接字的文件夹 {folder} 可被其他用户使用（权限 {s_imode:04o}，必须是 0700）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="57"/>
        <source>Make it private (chmod 700 &apos;{folder}&apos;) or remove it, and start again.</source>
        <translation>请把它设为私有（chmod 700 &apos;{folder}&apos;）或删除它，然后重新启动。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="106"/>
        <source>{path} is not a command socket created by you, so Desktop Helper will not use it.</source>
        <translation>{path} 不是你创建的命令套接字，因此 Desktop Helper 不会使用它。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="107"/>
        <source>Remove it (rm &apos;{path}&apos;) and start again.</source>
        <translation>请删除它（rm &apos;{path}&apos;）然后重新启动。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="70"/>
        <source>The folder for the command socket, {folder}, cannot be created ({strerror}).</source>
        <translation>无法创建命令套接字的文件夹 {folder}（{strerror}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/local_socket/posix.py" line="75"/>
        <source>Set XDG_RUNTIME_DIR to a private folder of yours, or free the temporary folder.</source>
        <translation>请把 XDG_RUNTIME_DIR 设为你自己的私有文件夹，或清理临时文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/macos.py" line="22"/>
        <source>Windows cannot be listed: the Quartz bridge (pyobjc) is missing.</source>
        <translation>无法列出窗口：缺少 Quartz 桥接（pyobjc）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/x11.py" line="35"/>
        <source>Windows cannot be listed: {exc}.</source>
        <translation>无法列出窗口：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/x11.py" line="39"/>
        <source>Windows cannot be listed: no X display ({exc}).</source>
        <translation>无法列出窗口：没有 X 显示（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/x11.py" line="48"/>
        <source>The window manager does not publish its window list.</source>
        <translation>窗口管理器没有公布它的窗口列表。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/window_list/x11.py" line="49"/>
        <source>This works with EWMH window managers (GNOME, KDE, Xfce, fluxbox, ...).</source>
        <translation>这适用于 EWMH 窗口管理器（GNOME、KDE、Xfce、fluxbox 等）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="323"/>
        <source>The saved API providers are not a list ({kind}); they were removed.</source>
        <translation>保存的 API 服务商不是一个列表（{kind}），已被移除。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="329"/>
        <source>Saved API provider number {number} is not a provider entry ({item!r:.40}); it was removed.</source>
        <translation>保存的第 {number} 个 API 服务商不是有效的服务商条目（{item!r:.40}），已被移除。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="339"/>
        <source>Saved API provider number {number} has no usable name ({name!r:.40}); it was removed.</source>
        <translation>保存的第 {number} 个 API 服务商没有可用的名称（{name!r:.40}），已被移除。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="352"/>
        <source>The saved API provider {name!r} had an invalid preset ({preset!r:.40}); it is now custom.</source>
        <translation>保存的 API 服务商 {name!r} 的预设无效（{preset!r:.40}），现改为自定义。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/providers.py" line="368"/>
        <source>The saved API provider {name!r} had an invalid {key} ({value!r:.40}); the preset&apos;s value is used.</source>
        <translation>保存的 API 服务商 {name!r} 的 {key} 无效（{value!r:.40}），改用预设值。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="98"/>
        <source>on or off</source>
        <translation>开或关</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="99"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="100"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="101"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="102"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="103"/>
        <source>a table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="53"/>
        <source>{label} must be {kind}, not {value!r}.</source>
        <translation>{label} 必须是{kind}，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="57"/>
        <source>{label} must be a finite number, not {value!r}.</source>
        <translation>{label} 必须是有限的数字，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="59"/>
        <source>{label} contains bytes that are not valid text (UTF-8).</source>
        <translation>{label} 包含不是有效文本（UTF-8）的字节。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="61"/>
        <source>{label} must be at least {minimum:g}.</source>
        <translation>{label} 至少为 {minimum:g}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="63"/>
        <source>{label} must be at most {maximum:g}.</source>
        <translation>{label} 最多为 {maximum:g}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="65"/>
        <source>{label} must be one of: {choices}.</source>
        <translation>{label} 必须是以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/schema.py" line="70"/>
        <source>{label}: {problem}</source>
        <translation>{label}：{problem}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="135"/>
        <source>No system keyring is available, so API keys cannot be saved.</source>
        <translation>没有可用的系统密钥环，因此无法保存 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="136"/>
        <source>Keys you enter are kept for this session only; or set DESKTOP_HELPER_API_KEY_&lt;PROVIDER&gt; in your environment. On Linux, installing and unlocking gnome-keyring or KWallet fixes this.</source>
        <translation>你输入的密钥只在本次会话中保留；也可以在环境中设置 DESKTOP_HELPER_API_KEY_&lt;PROVIDER&gt;。在 Linux 上，安装并解锁 gnome-keyring 或 KWallet 即可解决。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="91"/>
        <source>The keyring could not be read: {exc}.</source>
        <translation>无法读取密钥环：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="91"/>
        <location filename="../../desktop_helper/settings/secrets.py" line="99"/>
        <source>Unlock your keyring and try again.</source>
        <translation>请解锁密钥环后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="99"/>
        <source>The keyring refused to store the key: {exc}.</source>
        <translation>密钥环拒绝保存该密钥：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/secrets.py" line="110"/>
        <source>The keyring could not delete the key: {exc}.</source>
        <translation>密钥环无法删除该密钥：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="265"/>
        <source>The settings file {path} is damaged ({parts}); the settings that could be read are kept, defaults are used for the rest.</source>
        <translation>设置文件 {path} 已损坏（{parts}）；能读取的设置已保留，其余使用默认值。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="276"/>
        <source>{message} {details}</source>
        <translation>{message}{details}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="222"/>
        <source>it contains bytes that are not UTF-8 text</source>
        <translation>其中有不是 UTF-8 文本的字节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="225"/>
        <source>parts nested more than {levels} levels deep were ignored</source>
        <translation>嵌套超过 {levels} 层的部分已被忽略</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="233"/>
        <source>it does not hold settings</source>
        <translation>其中没有设置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="237"/>
        <source>its version ({version!r:.40}) is not valid</source>
        <translation>其版本号（{version!r:.40}）无效</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="272"/>
        <source>The settings file {path} is damaged ({parts}); defaults are used.</source>
        <translation>设置文件 {path} 已损坏（{parts}）；现使用默认值。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="274"/>
        <source>The settings file {path} had invalid values; the others are kept.</source>
        <translation>设置文件 {path} 中有无效的值；其他值已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="279"/>
        <source>The original was kept as {backup}.</source>
        <translation>原文件已保存为 {backup}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="279"/>
        <source>The original could not be copied aside.</source>
        <translation>无法另存原文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="181"/>
        <source>There is no setting called {key!r}.</source>
        <translation>没有名为 {key!r} 的设置。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="214"/>
        <source>The settings file {path} could not be read ({strerror}).</source>
        <translation>无法读取设置文件 {path}（{strerror}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="215"/>
        <source>Defaults are used for now.</source>
        <translation>暂时使用默认值。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="230"/>
        <source>it is not complete, valid JSON</source>
        <translation>它不是完整、有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="239"/>
        <source>it was written by a newer version of the app (settings version {version})</source>
        <translation>它由更新版本的应用写入（设置版本 {version}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="315"/>
        <source>Settings cannot be saved to {folder} ({strerror}).</source>
        <translation>无法把设置保存到 {folder}（{strerror}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="316"/>
        <source>Your changes last until you quit. Make the folder writable to keep them.</source>
        <translation>你的更改在退出前有效。让该文件夹可写才能保留它们。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/settings/store.py" line="255"/>
        <source>{key} is back to its default: {exc}</source>
        <translation>{key} 已恢复为默认值：{exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="489"/>
        <source>No model is ready for the agent yet.</source>
        <translation>还没有可供智能体使用的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/agent_session.py" line="490"/>
        <source>Wait until the model has loaded, or choose an API provider in the chat window.</source>
        <translation>请等待模型加载完成，或在聊天窗口中选择一个 API 服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="137"/>
        <source>The model could not be loaded: {error}.</source>
        <translation>无法加载模型：{error}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="540"/>
        <source>, {count} frames dropped ({percent:.1f}%)</source>
        <translation>，丢帧 {count} 帧（{percent:.1f}%）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="165"/>
        <source>Global hotkeys stopped working.</source>
        <translation>全局快捷键已停止工作。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="165"/>
        <source>Restart the app, or use the tray menu and the command line.</source>
        <translation>请重新启动应用，或使用托盘菜单和命令行。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="336"/>
        <source>Unknown capture &apos;{what}&apos;.</source>
        <translation>未知的截图类型 &apos;{what}&apos;。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="137"/>
        <source>Recording is not available with the {name} capture backend.</source>
        <translation>使用 {name} 截图后端时无法录屏。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/platform/capture/base.py" line="138"/>
        <source>Recording needs X11, Windows or macOS; on Wayland use your desktop&apos;s screen recorder.</source>
        <translation>录屏需要 X11、Windows 或 macOS；在 Wayland 上请使用桌面自带的录屏工具。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="519"/>
        <source>The recording is dropping frames ({frames_dropped}, {dropped_percent:.0f}%): this computer cannot encode that fast.</source>
        <translation>录屏正在丢帧（{frames_dropped} 帧，{dropped_percent:.0f}%）：这台电脑编码速度跟不上。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="525"/>
        <source>Lower the recording frame rate in Settings &gt; Capture, or record a smaller region.</source>
        <translation>请在 设置 &gt; 截图 中调低录屏帧率，或录制更小的区域。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="545"/>
        <source>What was recorded is in {value}.</source>
        <translation>已录制的内容在 {value} 中。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="191"/>
        <source>There is no monitor {monitor}; this desktop has {count}.</source>
        <translation>没有第 {monitor} 个显示器；这个桌面有 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="372"/>
        <source>Try again; if it keeps failing, check the log.</source>
        <translation>请重试；如果一直失败，请查看日志。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="548"/>
        <source>Recording saved: {path} ({seconds:.0f} s{dropped}).</source>
        <translation>录屏已保存：{path}（{seconds:.0f} 秒{dropped}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="404"/>
        <source>The region could not be captured: {exc}.</source>
        <translation>无法截取该区域：{exc}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="404"/>
        <source>Select it again.</source>
        <translation>请重新选择。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="434"/>
        <source>The capture could not be saved to {folder}: {value}.</source>
        <translation>无法把截图保存到 {folder}：{value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/capture_controller.py" line="435"/>
        <source>Check the folder in Settings &gt; Capture.</source>
        <translation>请在 设置 &gt; 截图 中检查该文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachment_loader.py" line="104"/>
        <source>{name}: {exc}</source>
        <translation>{name}：{exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="233"/>
        <source>No model is ready yet.</source>
        <translation>还没有就绪的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="318"/>
        <source>The search was cancelled.</source>
        <translation>搜索已取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="229"/>
        <source>A search is already running.</source>
        <translation>已有一个搜索正在进行。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="234"/>
        <source>Wait for the model to load, or choose one in Settings.</source>
        <translation>请等待模型加载完成，或在设置中选择一个模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="323"/>
        <source>Find on screen failed: {error}</source>
        <translation>屏幕查找失败：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="302"/>
        <source>{flagged} more location(s) looked wrong and were not drawn.</source>
        <translation>另有 {flagged} 个位置看起来有误，没有画出。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="306"/>
        <source>Try other words, or capture a smaller region and ask again.</source>
        <translation>请换个说法，或截取更小的区域后重新提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="155"/>
        <source>An MCP client is {doing}.</source>
        <translation>一个 MCP 客户端{doing}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/mcp_host.py" line="155"/>
        <source>You can turn MCP tools off in Settings &gt; MCP server.</source>
        <translation>你可以在 设置 &gt; MCP 服务器 中关闭 MCP 工具。</translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="249"/>
        <source>Quick question</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="256"/>
        <source>Ask quickly…</source>
        <translation>快速提问…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="258"/>
        <source>Full window</source>
        <translation>完整窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_widgets.py" line="289"/>
        <source>You</source>
        <translation>你</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="62"/>
        <source>&lt;h2&gt;Set up a model&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;设置模型&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="66"/>
        <source>Desktop Helper answers questions about what is on your screen. For that it needs a vision model: download GLM-4.6V-Flash to run it on this computer (your screen never leaves it, and it works offline), or connect an API provider you already use.</source>
        <translation>Desktop Helper 可以回答关于屏幕内容的问题。为此它需要一个视觉模型：下载 GLM-4.6V-Flash 在这台电脑上运行（屏幕内容不会离开这台电脑，并且可以离线使用），或者连接你已经在用的 API 服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="83"/>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="93"/>
        <source>Use GGUF files I already have…</source>
        <translation>使用已有的 GGUF 文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="95"/>
        <source>Set up an API provider…</source>
        <translation>设置 API 服务商…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="108"/>
        <source>{0} (recommended)</source>
        <translation>{0}（推荐）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="120"/>
        <source>Not enough free disk space for this download.</source>
        <translation>磁盘剩余空间不足，无法下载。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="121"/>
        <source>Resume download</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="121"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="137"/>
        <source>Starting the download of {0}…</source>
        <translation>开始下载 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="150"/>
        <source>Stopping… the part already downloaded is kept and the download can resume.</source>
        <translation>正在停止…已下载的部分会保留，之后可以继续下载。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="173"/>
        <source>Download stopped. Choose Download again to resume it.</source>
        <translation>下载已停止。再次点击“下载”即可继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="177"/>
        <source>The download failed: {0}</source>
        <translation>下载失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="190"/>
        <source>Choose the model GGUF</source>
        <translation>选择模型 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="190"/>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="195"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="195"/>
        <source>Choose its vision projector (mmproj) GGUF</source>
        <translation>选择对应的视觉投影器（mmproj）GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="207"/>
        <source>It needs {0}.</source>
        <translation>它需要{0}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="208"/>
        <source>{0} is ready. {1}</source>
        <translation>{0} 已就绪。{1}</translation>
    </message>
</context>
<context>
    <name>PathEdit</name>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="159"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="159"/>
        <source>Default folder</source>
        <translation>默认文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="163"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="180"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="182"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="62"/>
        <source>Not supported (model default)</source>
        <translation>不支持（使用模型默认值）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="104"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="112"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="114"/>
        <source>Use this provider</source>
        <translation>使用此服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="130"/>
        <source>List server&apos;s models</source>
        <translation>列出服务器的模型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="135"/>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="136"/>
        <source>Save key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="138"/>
        <source>Forget key</source>
        <translation>忘记密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="149"/>
        <source>Ask the server to keep special tokens (GLM&apos;s box markers)</source>
        <translation>要求服务器保留特殊 token（GLM 的框标记）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="151"/>
        <source>Send video files as video (else as sampled frames)</source>
        <translation>以视频形式发送视频文件（否则发送抽取的帧）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="166"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="179"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="204"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="205"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="180"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="206"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="181"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="207"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="182"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="208"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="183"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="210"/>
        <source>Thinking switch</source>
        <translation>深度思考开关</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="213"/>
        <source>Largest image</source>
        <translation>最大图片</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="186"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="214"/>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="59"/>
        <source>Z.ai &quot;thinking&quot; field</source>
        <translation>Z.ai 的 &quot;thinking&quot; 字段</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="178"/>
        <source>API providers</source>
        <translation>API 服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="184"/>
        <source>Largest image side</source>
        <translation>图片最长边</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="185"/>
        <source>Largest image file size</source>
        <translation>图片文件最大大小</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="361"/>
        <source>Added {0}.</source>
        <translation>已添加 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="378"/>
        <source>Removed {0} and its key.</source>
        <translation>已移除 {0} 及其密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="388"/>
        <source>no model chosen</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="389"/>
        <source>Answers now come from {0} ({1}).</source>
        <translation>现在由 {0}（{1}）回答。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="402"/>
        <source>The name {0!r} is empty or already used; keeping {1!r}.</source>
        <translation>名称 {0!r} 为空或已被使用；保留 {1!r}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="419"/>
        <source>Renamed {0} to {1}.</source>
        <translation>已将 {0} 重命名为 {1}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="430"/>
        <source>No place to keep keys is available.</source>
        <translation>没有可以保存密钥的地方。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="473"/>
        <source>Key saved in {0}.</source>
        <translation>密钥已保存在 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="473"/>
        <source>A key is stored in {0}.</source>
        <translation>{0} 中已存有一个密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="475"/>
        <source>It is forgotten when the app quits; set {0} to keep one.</source>
        <translation>应用退出时会忘记它；设置 {0} 可以保留密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="477"/>
        <source>No key yet: paste it above, or set the environment variable {0}.</source>
        <translation>还没有密钥：请粘贴到上方，或设置环境变量 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="479"/>
        <source>This server usually needs no key.</source>
        <translation>这种服务器通常不需要密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="481"/>
        <source>The environment variable {0} is set and is used instead.</source>
        <translation>已设置环境变量 {0}，将改用它。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="484"/>
        <source>Get a key at &lt;a href=&quot;{0}&quot;&gt;{0}&lt;/a&gt;.</source>
        <translation>在 &lt;a href=&quot;{0}&quot;&gt;{0}&lt;/a&gt; 获取密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="513"/>
        <source>Asking {0} for its models…</source>
        <translation>正在向 {0} 请求模型列表…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="528"/>
        <source>No API key is set for {0}: paste it above or set {1}.</source>
        <translation>{0} 尚未设置 API 密钥：请粘贴到上方，或设置 {1}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="540"/>
        <source>Sending a small image to {0}…</source>
        <translation>正在向 {0} 发送一张小图片…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="540"/>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="557"/>
        <source>Could not list the models: {0}</source>
        <translation>无法列出模型：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="578"/>
        <source>{0} listed no models.</source>
        <translation>{0} 没有列出任何模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="580"/>
        <source>{0} offers 1 model.</source>
        <translation>{0} 提供 1 个模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="582"/>
        <source>{0} offers {1} models.</source>
        <translation>{0} 提供 {1} 个模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="587"/>
        <location filename="../../desktop_helper/ui/providers_page.py" line="598"/>
        <source>Failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/providers_page.py" line="593"/>
        <source>OK: first answer after {0:.0f} ms, done after {1:.0f} ms. The model said: “{2}”</source>
        <translation>成功：{0:.0f} 毫秒后收到第一个回答，{1:.0f} 毫秒后完成。模型说：“{2}”</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../tools/update_translations.py" line="0"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../tools/update_translations.py" line="0"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../tools/update_translations.py" line="0"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../tools/update_translations.py" line="0"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecordingBar</name>
    <message>
        <location filename="../../desktop_helper/ui/recording_indicator.py" line="67"/>
        <source>Stop</source>
        <extracomment>border thickness and its distance from the recorded area, in logical pixels</extracomment>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/recording_indicator.py" line="69"/>
        <source>Stop the recording and save it</source>
        <translation>停止录屏并保存</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/recording_indicator.py" line="79"/>
        <source>{0}:{1:02d}</source>
        <translation>{0}:{1:02d}</translation>
    </message>
</context>
<context>
    <name>RestartPrompt</name>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="87"/>
        <source>Language changed</source>
        <extracomment>each language&apos;s name in itself: what a reader of that language looks for in a list</extracomment>
        <translation>语言已更改</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="88"/>
        <source>Restart now to use {0}?</source>
        <translation>现在重启以使用 {0}？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="89"/>
        <source>The new language is used from the next start; your chats and settings are kept.</source>
        <translation>新的语言将在下次启动时生效；你的对话和设置都会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="90"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/i18n.py" line="91"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="68"/>
        <source>Automatic</source>
        <extracomment>settings that name a file (&quot;file&quot;, with a name filter) or a folder (&quot;folder&quot;): their field gets a Browse button</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="69"/>
        <source>All layers that fit</source>
        <translation>能放下的所有层</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="70"/>
        <source>Automatic (from your hardware)</source>
        <translation>自动（根据你的硬件）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="71"/>
        <source>The model&apos;s own limit</source>
        <translation>模型自身的上限</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="72"/>
        <source>No delay</source>
        <translation>不延迟</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="73"/>
        <source>Until Esc</source>
        <translation>直到按 Esc</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="79"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="81"/>
        <source> fps</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="237"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="319"/>
        <source>* takes effect after a restart</source>
        <extracomment>the value each editor last showed from the settings: an editor that still shows it is untouched</extracomment>
        <translation>* 重启后生效</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="334"/>
        <source>Careful: {0}.</source>
        <translation>注意：{0}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="383"/>
        <source>{0} has the same hotkey as {1} ({2}).</source>
        <translation>{0} 与 {1} 的快捷键相同（{2}）。</translation>
    </message>
</context>
<context>
    <name>SettingsSchema</name>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="15"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="16"/>
        <source>Hotkeys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="17"/>
        <source>Models and providers</source>
        <translation>模型与服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="18"/>
        <source>Capture</source>
        <translation>截图与录屏</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="19"/>
        <source>Overlay</source>
        <translation>屏幕标注</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="20"/>
        <source>GUI agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="21"/>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="22"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="23"/>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="24"/>
        <source>Start Desktop Helper when you log in.</source>
        <translation>登录系统时自动启动 Desktop Helper。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="25"/>
        <source>After a capture</source>
        <translation>截图之后</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="26"/>
        <source>Open the capture in the chat window, or ask about it in a small quick-ask prompt.</source>
        <translation>在聊天窗口中打开截图，或在小的快速提问框中提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="27"/>
        <source>Show chat on start</source>
        <translation>启动时显示聊天窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="28"/>
        <source>Open the chat window when the app starts.</source>
        <translation>应用启动时打开聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="29"/>
        <source>Global hotkeys</source>
        <translation>全局快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="30"/>
        <source>Listen for global hotkeys (not possible on pure Wayland).</source>
        <translation>监听全局快捷键（纯 Wayland 环境下无法使用）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="31"/>
        <source>Region capture and ask</source>
        <translation>区域截图并提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="32"/>
        <source>Select a region, then ask about it.</source>
        <translation>选择一个区域，然后就它提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="33"/>
        <source>Full-screen capture and ask</source>
        <translation>全屏截图并提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="34"/>
        <source>Capture the monitor under the cursor, then ask.</source>
        <translation>截取鼠标所在的显示器，然后提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="35"/>
        <source>Start/stop recording</source>
        <translation>开始/停止录屏</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="36"/>
        <source>Start or stop a screen recording.</source>
        <translation>开始或停止屏幕录制。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="37"/>
        <source>Show/hide chat</source>
        <translation>显示/隐藏聊天窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="38"/>
        <source>Show or hide the chat window.</source>
        <translation>显示或隐藏聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="39"/>
        <source>Find on screen</source>
        <translation>在屏幕上查找</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="40"/>
        <source>Ask what to find and draw it on the screen.</source>
        <translation>询问要找的内容，并在屏幕上标出来。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="41"/>
        <source>Ask for a task and let the GUI agent work on it, step by step.</source>
        <translation>输入一个任务，让智能体操作鼠标和键盘，一步一步完成。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="42"/>
        <source>Stop everything</source>
        <translation>全部停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="43"/>
        <source>Stop the agent, a recording and a search at once, and hide what they drew on the screen.</source>
        <translation>立即停止智能体、录屏和屏幕查找，并隐藏它们在屏幕上画出的标注。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="44"/>
        <source>Model runs on</source>
        <translation>模型运行位置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="45"/>
        <source>This computer runs a model file you downloaded; an API provider runs the model on its servers, over the internet.</source>
        <translation>“本机”运行你下载的模型文件；“API 服务商”在自己的服务器上运行模型，需要联网。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="46"/>
        <source>Local model (GGUF)</source>
        <translation>本地模型（GGUF）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="47"/>
        <source>Path of the GLM-4.6V-Flash text model GGUF file.</source>
        <translation>GLM-4.6V-Flash 文本模型 GGUF 文件的路径。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="48"/>
        <source>Vision projector (mmproj GGUF)</source>
        <translation>视觉投影器（mmproj GGUF）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="49"/>
        <source>Path of the matching mmproj GGUF file.</source>
        <translation>与模型配套的 mmproj GGUF 文件的路径。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="50"/>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="51"/>
        <source>Threads for text and vision (0: automatic).</source>
        <translation>文本和视觉计算使用的线程数（0：自动）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="52"/>
        <source>Context size</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="53"/>
        <source>Tokens the local model can keep in mind.</source>
        <translation>本地模型能记住的 token 数量。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="54"/>
        <source>Run the local model on</source>
        <translation>本地模型运行于</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="55"/>
        <source>Automatic: the graphics card (GPU) when there is a usable one, else the processor (CPU). CPU: never use the GPU. GPU: use the GPU; without one the model still runs, on the CPU.</source>
        <translation>自动：有可用的显卡（GPU）时使用显卡，否则使用处理器（CPU）。CPU：从不使用 GPU。GPU：使用 GPU；没有 GPU 时模型仍会在 CPU 上运行。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="56"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="57"/>
        <source>Layers to offload to the GPU (-1: all that fit, 0: CPU only).</source>
        <translation>放到 GPU 上运行的层数（-1：尽可能多，0：只用 CPU）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="58"/>
        <source>Flash attention</source>
        <translation>Flash Attention</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="59"/>
        <source>Faster attention where the hardware supports it.</source>
        <translation>在硬件支持时使用更快的注意力计算。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="60"/>
        <source>Image token budget</source>
        <translation>图像 token 预算</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="61"/>
        <source>Most tokens one image may use (0: chosen from your hardware). Fewer is faster, more sees finer detail.</source>
        <translation>单张图片最多使用的 token 数（0：根据硬件自动选择）。越少越快，越多越能看清细节。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="62"/>
        <source>Thinking</source>
        <translation>深度思考</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="63"/>
        <source>Let the model reason before it answers (slower, often better).</source>
        <translation>让模型先思考再回答（更慢，但通常更好）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="64"/>
        <source>Longest answer</source>
        <translation>最长回答</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="65"/>
        <source>Most tokens one chat answer may use (0: the model&apos;s or the server&apos;s own limit).</source>
        <translation>一次聊天回答最多使用的 token 数（0：由模型或服务器自身的上限决定）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="66"/>
        <source>Capture delay</source>
        <translation>截图延时</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="67"/>
        <source>Seconds to wait before capturing.</source>
        <translation>截图前等待的秒数。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="68"/>
        <source>Copy captures</source>
        <translation>复制截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="69"/>
        <source>Copy every capture to the clipboard.</source>
        <translation>把每次截图复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="70"/>
        <source>Save captures to</source>
        <translation>截图保存位置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="71"/>
        <source>Folder where captures are saved (empty: do not save).</source>
        <translation>保存截图的文件夹（留空：不保存）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="72"/>
        <source>Recording frame rate</source>
        <translation>录屏帧率</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="73"/>
        <source>Frames per second of screen recordings.</source>
        <translation>屏幕录制每秒的帧数。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="74"/>
        <source>Capture on release</source>
        <translation>松开鼠标即截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="75"/>
        <source>Capture as soon as you release the mouse after dragging a region (off: adjust it with the handles and arrow keys, then press Enter).</source>
        <translation>拖出区域后松开鼠标即截图（关闭时：可用手柄和方向键调整，再按回车确认）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="76"/>
        <source>Save recordings to</source>
        <translation>录屏保存位置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="77"/>
        <source>Folder for screen recordings (empty: the Videos folder, else the app&apos;s data folder).</source>
        <translation>屏幕录制的保存文件夹（留空：“视频”文件夹，没有则用应用的数据文件夹）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="78"/>
        <source>Longest recording</source>
        <translation>最长录制时间</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="79"/>
        <source>Recordings stop by themselves after this many seconds.</source>
        <translation>录制达到此秒数后自动停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="80"/>
        <source>Overlay time</source>
        <translation>标注显示时间</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="81"/>
        <source>Seconds boxes stay on the screen (0: until Esc).</source>
        <translation>标注框在屏幕上停留的秒数（0：直到按 Esc）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="82"/>
        <source>Act without asking</source>
        <translation>无需确认直接执行</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="83"/>
        <source>Perform each proposed action after a countdown instead of waiting for Confirm.</source>
        <translation>倒计时结束后直接执行每个建议的操作，而不等待“确认”。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="84"/>
        <source>Screen tools in chat</source>
        <translation>聊天中的屏幕工具</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="85"/>
        <source>Let the model take a screenshot, zoom into a region or list the open windows while it answers a chat question.</source>
        <translation>回答聊天问题时，允许模型截图、放大某个区域或列出打开的窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="86"/>
        <source>Step limit</source>
        <translation>步数上限</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="87"/>
        <source>The agent stops after this many steps.</source>
        <translation>智能体执行这么多步后停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="88"/>
        <source>Auto-mode countdown</source>
        <translation>自动模式倒计时</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="89"/>
        <source>Seconds to wait before each action in auto mode.</source>
        <translation>自动模式下每个操作前等待的秒数。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="90"/>
        <source>Keep history</source>
        <translation>保留历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="91"/>
        <source>Save conversations on this computer.</source>
        <translation>在本机保存对话。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="92"/>
        <source>Log prompts</source>
        <translation>记录提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="93"/>
        <source>Write prompts and answers to the log file (for debugging).</source>
        <translation>把提示词和回答写入日志文件（用于调试）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="94"/>
        <source>MCP server</source>
        <translation>MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="95"/>
        <source>Let MCP clients that run &apos;desktop-helper mcp&apos; (Claude Desktop, Cursor, VS Code) use the tools below.</source>
        <translation>允许运行 &apos;desktop-helper mcp&apos; 的 MCP 客户端（Claude Desktop、Cursor、VS Code）使用下面的工具。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="96"/>
        <source>MCP: list monitors</source>
        <translation>MCP：列出显示器</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="97"/>
        <source>MCP clients may list the monitors and their sizes.</source>
        <translation>MCP 客户端可以列出显示器及其尺寸。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="98"/>
        <source>MCP: capture</source>
        <translation>MCP：截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="99"/>
        <source>MCP clients may take screenshots of the screen, a monitor, a region or the active window.</source>
        <translation>MCP 客户端可以截取整个屏幕、某个显示器、某个区域或当前窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="100"/>
        <source>MCP: ask</source>
        <translation>MCP：提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="101"/>
        <source>MCP clients may ask the model about the screen or an image file.</source>
        <translation>MCP 客户端可以就屏幕或图片文件向模型提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="102"/>
        <source>MCP: find on screen</source>
        <translation>MCP：在屏幕上查找</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="103"/>
        <source>MCP clients may find things on the screen; the boxes are drawn.</source>
        <translation>MCP 客户端可以在屏幕上查找内容；找到的框会画出来。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="104"/>
        <source>MCP: propose actions</source>
        <translation>MCP：建议操作</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="105"/>
        <source>MCP clients may ask the GUI agent for a next step (it never acts).</source>
        <translation>MCP 客户端可以向智能体询问下一步（它从不执行操作）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="106"/>
        <source>MCP: perform actions</source>
        <translation>MCP：执行操作</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="107"/>
        <source>MCP clients may ask to click or type; each action waits for your Confirm on the screen.</source>
        <translation>MCP 客户端可以请求点击或输入；每个操作都要等你在屏幕上确认。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="108"/>
        <source>Language of the interface.</source>
        <translation>界面语言。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="109"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="110"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="111"/>
        <source>Open in chat</source>
        <translation>在聊天窗口中打开</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="112"/>
        <source>Quick-ask prompt</source>
        <translation>快速提问框</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="113"/>
        <source>This computer (GGUF)</source>
        <translation>本机（GGUF）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="114"/>
        <source>API provider</source>
        <translation>API 服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="115"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="116"/>
        <source>CPU (processor)</source>
        <translation>CPU（处理器）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="117"/>
        <source>GPU (graphics card)</source>
        <translation>GPU（显卡）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="118"/>
        <source>API providers</source>
        <translation>API 服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="119"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="120"/>
        <source>Light or dark look; following the system changes with it.</source>
        <translation>浅色或深色外观；跟随系统时会随系统变化。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="121"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="122"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="123"/>
        <source> (takes effect after a restart)</source>
        <translation>（重启后生效）</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="61"/>
        <source>Desktop Helper agent</source>
        <extracomment>the text-to-type box grows up to this height, then scrolls</extracomment>
        <translation>Desktop Helper 智能体</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="74"/>
        <location filename="../../desktop_helper/ui/step_panel.py" line="156"/>
        <source>Agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="104"/>
        <source>I have read the whole text</source>
        <translation>我已读完全部文字</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="110"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="111"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="112"/>
        <location filename="../../desktop_helper/ui/step_panel.py" line="164"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="157"/>
        <source>Task: {0}</source>
        <translation>任务：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="158"/>
        <source>Starting</source>
        <translation>正在开始</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="186"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="207"/>
        <source>Step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="209"/>
        <source>Auto mode is paused for this step: check it, then confirm.</source>
        <translation>本步已暂停自动模式：请检查后确认。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="211"/>
        <source>Proposed next step:</source>
        <translation>建议的下一步：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="211"/>
        <source>Next step (auto mode):</source>
        <translation>下一步（自动模式）：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="217"/>
        <source>Type this text ({0} characters):</source>
        <translation>输入这段文字（{0} 个字符）：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="234"/>
        <source>Agent finished</source>
        <translation>智能体已结束</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="243"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="271"/>
        <source>it is long</source>
        <translation>文字很长</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="273"/>
        <source>it has line breaks, and each one presses Enter</source>
        <translation>文字中有换行，每个换行都会按一次回车</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="275"/>
        <source>it looks like a shell command ({0})</source>
        <translation>它看起来像一条 shell 命令（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="276"/>
        <source>Read the whole text before you confirm: {0}. Scroll to its end, then tick the box.</source>
        <translation>确认前请读完全部文字：{0}。滚动到末尾，然后勾选方框。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/step_panel.py" line="298"/>
        <source>Acting in {0:.1f} s (Skip or Stop to prevent it)</source>
        <translation>{0:.1f} 秒后执行（点跳过或停止可阻止）</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/task_dialog.py" line="37"/>
        <source>GUI agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/task_dialog.py" line="39"/>
        <source>What should the agent do?</source>
        <translation>要让智能体做什么？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/task_dialog.py" line="43"/>
        <source>For example: open the Downloads folder and sort it by date</source>
        <translation>例如：打开“下载”文件夹，按日期排序</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/task_dialog.py" line="47"/>
        <source>Enter starts the agent; Shift+Enter adds a line.</source>
        <translation>按回车启动智能体；按 Shift+回车换行。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="63"/>
        <source>Screenshot</source>
        <extracomment>tray entry -&gt; the hotkey setting that runs the same command</extracomment>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="64"/>
        <source>Region</source>
        <translation>区域截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="65"/>
        <location filename="../../desktop_helper/ui/tray.py" line="99"/>
        <source>Record</source>
        <translation>录屏</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="66"/>
        <source>Find on screen…</source>
        <translation>屏幕查找…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="67"/>
        <source>Agent task…</source>
        <translation>智能体任务…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="68"/>
        <source>Stop everything</source>
        <translation>全部停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="69"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="70"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="71"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="104"/>
        <source>{0}: recording {1}:{2:02d}</source>
        <translation>{0}：正在录屏 {1}:{2:02d}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="105"/>
        <source>Stop recording ({0}:{1:02d})</source>
        <translation>停止录屏（{0}:{1:02d}）</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/welcome.py" line="23"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
</context>
<context>
    <name>_MonitorWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="100"/>
        <source>Select a region</source>
        <translation>选择区域</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="167"/>
        <source>Drag to select · click a window to take it · Enter to confirm · Esc to cancel</source>
        <translation>拖动选择 · 点击窗口选中整个窗口 · 回车确认 · Esc 取消</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="169"/>
        <source> · L: last region</source>
        <translation> · L：上次的区域</translation>
    </message>
</context>
</TS>
