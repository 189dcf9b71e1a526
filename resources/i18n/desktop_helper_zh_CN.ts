<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop_helper/ui/attachments_bar.py" line="40" />
        <source>Pages…</source>
        <translation>页面…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/attachments_bar.py" line="46" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>BackendService</name>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="83" />
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="101" />
        <location filename="../../desktop_helper/ui/backend_service.py" line="120" />
        <source>Ready: {0}</source>
        <translation>就绪：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="135" />
        <source>Loading the model: {0} ({1:.0%})</source>
        <translation>正在加载模型：{0}（{1:.0%}）</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="225" />
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="275" />
        <source>New chat</source>
        <extracomment>tools the model may call while answering (screen, zoom, windows); set by the app</extracomment>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="280" />
        <source>Search history…</source>
        <translation>搜索历史…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="307" />
        <source>Thinking</source>
        <translation>深度思考</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="313" />
        <source>Low detail</source>
        <translation>低细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="314" />
        <source>Medium detail</source>
        <translation>中等细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="315" />
        <source>High detail</source>
        <translation>高细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="316" />
        <source>Max detail</source>
        <translation>最高细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="326" />
        <source>System prompt…</source>
        <translation>系统提示词…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="329" />
        <source>Mini</source>
        <translation>迷你窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="330" />
        <source>A small always-on-top window for quick questions</source>
        <translation>置顶的小窗口，用于快速提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="352" />
        <source>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</source>
        <translation>询问屏幕内容，或把文件拖到这里…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="358" />
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="363" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="366" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="433" />
        <source>The app was closed while this answer was being written.</source>
        <translation>应用在生成此回答时被关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="452" />
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="458" />
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="476" />
        <source>Wait for the answer to finish, or stop it, first.</source>
        <translation>请先等待回答完成，或将其停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="505" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="506" />
        <location filename="../../desktop_helper/ui/chat_window.py" line="517" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="507" />
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="508" />
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="513" />
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="513" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="517" />
        <source>Delete this conversation and its attachments?</source>
        <translation>删除此对话及其附件？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="523" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="532" />
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="562" />
        <source>≈ {0} image tokens (≤ {1} per image)</source>
        <translation>约 {0} 个图像 token（每张图像 ≤ {1}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="567" />
        <source>No backend</source>
        <translation>无后端</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="574" />
        <source>Local model</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="636" />
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="636" />
        <source>Instructions for this conversation:</source>
        <translation>此对话的指令：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="665" />
        <source>{0}: only {1} will be sent.</source>
        <translation>{0}：只会发送 {1}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="666" />
        <source>Use its Pages… button to choose other pages.</source>
        <translation>使用其“页面…”按钮选择其他页面。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="676" />
        <source>{0}: cannot be read ({1}).</source>
        <translation>{0}：无法读取（{1}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="681" />
        <source>Reading {0} file(s)…</source>
        <translation>正在读取 {0} 个文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="690" />
        <source>pasted image {0}</source>
        <translation>粘贴的图像 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="697" />
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="699" />
        <source>Supported files ({0});;All files (*)</source>
        <translation>支持的文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="707" />
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="707" />
        <source>Pages of {0} to send (e.g. 3-12):</source>
        <translation>要发送的 {0} 页码（例如 3-12）：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="754" />
        <source>An answer is still being written; stop it first.</source>
        <translation>回答仍在生成中，请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="757" />
        <source>Files are still being read; send again in a moment.</source>
        <translation>文件仍在读取中，请稍后再发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="806" />
        <source>Editing a question (Esc cancels)</source>
        <translation>正在编辑问题（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="833" />
        <source>The model is still loading; ask again in a moment.</source>
        <translation>模型仍在加载，请稍后再问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="838" />
        <source>No model is available.</source>
        <translation>没有可用的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="838" />
        <source>Set one up in Settings &gt; Models.</source>
        <translation>请在“设置 &gt; 模型”中进行配置。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="900" />
        <source>The model used: {0}</source>
        <translation>模型使用了：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="927" />
        <source>The answer reached the length limit.</source>
        <translation>回答已达到长度上限。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="938" />
        <source>Answered in {0:.1f} s</source>
        <translation>用时 {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="940" />
        <source>, {0} tokens</source>
        <translation>，{0} 个 token</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="1029" />
        <source>{0} location(s) the model marked (its estimate)</source>
        <translation>模型标出的 {0} 个位置（仅为估计）</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="105" />
        <source>Show {0} earlier messages</source>
        <extracomment>messages rendered when a conversation opens (older ones behind a "Show earlier" link)</extracomment>
        <translation>显示更早的 {0} 条消息</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="141" />
        <source>Waiting for the model…</source>
        <translation>等待模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="153" />
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="198" />
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="198" />
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="198" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="207" />
        <source>▼ Thinking ({0} words)</source>
        <translation>▼ 思考过程（{0} 词）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="210" />
        <source>▶ Thinking ({0} words)</source>
        <translation>▶ 思考过程（{0} 词）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="238" />
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="238" />
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="244" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="246" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="248" />
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="250" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="252" />
        <source>Show on screen</source>
        <translation>在屏幕上显示</translation>
    </message>
</context>
<context>
    <name>FindPrompt</name>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="49" />
        <source>What should I find on the screen?</source>
        <translation>要在屏幕上找什么？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/find.py" line="51" />
        <source>e.g. the Save button, every error message</source>
        <translation>例如：保存按钮、所有错误信息</translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="165" />
        <source>Quick question</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="172" />
        <source>Ask quickly…</source>
        <translation>快速提问…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="174" />
        <source>Full window</source>
        <translation>完整窗口</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="60" />
        <source>&lt;h2&gt;Set up a model&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;设置模型&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="64" />
        <source>The assistant needs a vision model. Run GLM-4.6V-Flash on this computer (private, works offline, needs memory), or use an API provider.</source>
        <translation>助手需要一个视觉模型。可以在本机运行 GLM-4.6V-Flash（私密、可离线使用、需要较多内存），也可以使用 API 服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="80" />
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="90" />
        <source>Use GGUF files I already have…</source>
        <translation>使用已有的 GGUF 文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="92" />
        <source>Set up an API provider…</source>
        <translation>设置 API 服务商…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="105" />
        <source>{0} (recommended)</source>
        <translation>{0}（推荐）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="117" />
        <source>Not enough free disk space for this download.</source>
        <translation>磁盘剩余空间不足，无法下载。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="118" />
        <source>Resume download</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="118" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="133" />
        <source>Starting the download of {0}…</source>
        <translation>开始下载 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="146" />
        <source>Stopping… the part already downloaded is kept and the download can resume.</source>
        <translation>正在停止…已下载的部分会保留，之后可以继续下载。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="169" />
        <source>Download stopped. Choose Download again to resume it.</source>
        <translation>下载已停止。再次点击“下载”即可继续。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="173" />
        <source>The download failed: {0}</source>
        <translation>下载失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="185" />
        <source>Choose the model GGUF</source>
        <translation>选择模型 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="185" />
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="189" />
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="189" />
        <source>Choose its vision projector (mmproj) GGUF</source>
        <translation>选择对应的视觉投影器（mmproj）GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="201" />
        <source>Memory: {0}.</source>
        <translation>内存：{0}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/model_manager_page.py" line="202" />
        <source>{0} is ready. {1}</source>
        <translation>{0} 已就绪。{1}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/settings_dialog.py" line="97" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SettingsSchema</name>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="15" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="16" />
        <source>Hotkeys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="17" />
        <source>Models and providers</source>
        <translation>模型与服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="18" />
        <source>Capture</source>
        <translation>截图与录屏</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="19" />
        <source>Overlay</source>
        <translation>屏幕标注</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="20" />
        <source>GUI agent</source>
        <translation>界面操作助手</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="21" />
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="22" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="23" />
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="24" />
        <source>Start Desktop Helper when you log in.</source>
        <translation>登录系统时自动启动 Desktop Helper。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="25" />
        <source>After a capture</source>
        <translation>截图之后</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="26" />
        <source>Open the capture in the chat window, or ask about it in a small quick-ask prompt.</source>
        <translation>在聊天窗口中打开截图，或在小的快速提问框中提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="27" />
        <source>Show chat on start</source>
        <translation>启动时显示聊天窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="28" />
        <source>Open the chat window when the app starts.</source>
        <translation>应用启动时打开聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="29" />
        <source>Global hotkeys</source>
        <translation>全局快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="30" />
        <source>Listen for global hotkeys (not possible on pure Wayland).</source>
        <translation>监听全局快捷键（纯 Wayland 环境下无法使用）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="31" />
        <source>Region capture and ask</source>
        <translation>区域截图并提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="32" />
        <source>Select a region, then ask about it.</source>
        <translation>选择一个区域，然后就它提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="33" />
        <source>Full-screen capture and ask</source>
        <translation>全屏截图并提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="34" />
        <source>Capture the monitor under the cursor, then ask.</source>
        <translation>截取鼠标所在的显示器，然后提问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="35" />
        <source>Start/stop recording</source>
        <translation>开始/停止录屏</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="36" />
        <source>Start or stop a screen recording.</source>
        <translation>开始或停止屏幕录制。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="37" />
        <source>Show/hide chat</source>
        <translation>显示/隐藏聊天窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="38" />
        <source>Show or hide the chat window.</source>
        <translation>显示或隐藏聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="39" />
        <source>Find on screen</source>
        <translation>在屏幕上查找</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="40" />
        <source>Ask what to find and draw it on the screen.</source>
        <translation>询问要找的内容，并在屏幕上标出来。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="41" />
        <source>Ask for a task and let the GUI agent work on it, step by step.</source>
        <translation>输入一个任务，让界面操作助手一步一步完成。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="42" />
        <source>Stop agent</source>
        <translation>停止助手</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="43" />
        <source>Stop the GUI agent and hide overlays at once.</source>
        <translation>立即停止界面操作助手并隐藏屏幕标注。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="44" />
        <source>Backend</source>
        <translation>推理后端</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="45" />
        <source>Run the model on this computer (local_gguf) or on an API provider (openai_compat).</source>
        <translation>在本机运行模型（local_gguf），或使用 API 服务商（openai_compat）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="46" />
        <source>Local model (GGUF)</source>
        <translation>本地模型（GGUF）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="47" />
        <source>Path of the GLM-4.6V-Flash text model GGUF file.</source>
        <translation>GLM-4.6V-Flash 文本模型 GGUF 文件的路径。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="48" />
        <source>Vision projector (mmproj GGUF)</source>
        <translation>视觉投影器（mmproj GGUF）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="49" />
        <source>Path of the matching mmproj GGUF file.</source>
        <translation>与模型配套的 mmproj GGUF 文件的路径。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="50" />
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="51" />
        <source>Threads for text and vision (0: automatic).</source>
        <translation>文本和视觉计算使用的线程数（0：自动）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="52" />
        <source>Context size</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="53" />
        <source>Tokens the local model can keep in mind.</source>
        <translation>本地模型能记住的 token 数量。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="54" />
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="55" />
        <source>Layers to offload to the GPU (-1: all that fit, 0: CPU only).</source>
        <translation>放到 GPU 上运行的层数（-1：尽可能多，0：只用 CPU）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="56" />
        <source>Flash attention</source>
        <translation>Flash Attention</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="57" />
        <source>Faster attention where the hardware supports it.</source>
        <translation>在硬件支持时使用更快的注意力计算。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="58" />
        <source>Image token budget</source>
        <translation>图像 token 预算</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="59" />
        <source>Most tokens one image may use (0: chosen from your hardware). Fewer is faster, more sees finer detail.</source>
        <translation>单张图片最多使用的 token 数（0：根据硬件自动选择）。越少越快，越多越能看清细节。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="60" />
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="61" />
        <source>Let the model reason before it answers (slower, often better).</source>
        <translation>让模型先思考再回答（更慢，但通常更好）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="62" />
        <source>Longest answer</source>
        <translation>最长回答</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="63" />
        <source>Most tokens one chat answer may use (0: the backend's default).</source>
        <translation>一次聊天回答最多使用的 token 数（0：后端默认值）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="64" />
        <source>Capture delay</source>
        <translation>截图延时</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="65" />
        <source>Seconds to wait before capturing.</source>
        <translation>截图前等待的秒数。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="66" />
        <source>Copy captures</source>
        <translation>复制截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="67" />
        <source>Copy every capture to the clipboard.</source>
        <translation>把每次截图复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="68" />
        <source>Save captures to</source>
        <translation>截图保存位置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="69" />
        <source>Folder where captures are saved (empty: do not save).</source>
        <translation>保存截图的文件夹（留空：不保存）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="70" />
        <source>Recording frame rate</source>
        <translation>录屏帧率</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="71" />
        <source>Frames per second of screen recordings.</source>
        <translation>屏幕录制每秒的帧数。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="72" />
        <source>Capture on release</source>
        <translation>松开鼠标即截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="73" />
        <source>Capture as soon as you release the mouse after dragging a region (off: adjust it with the handles and arrow keys, then press Enter).</source>
        <translation>拖出区域后松开鼠标即截图（关闭时：可用手柄和方向键调整，再按回车确认）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="74" />
        <source>Save recordings to</source>
        <translation>录屏保存位置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="75" />
        <source>Folder for screen recordings (empty: the Videos folder, else the app's data folder).</source>
        <translation>屏幕录制的保存文件夹（留空：“视频”文件夹，没有则用应用的数据文件夹）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="76" />
        <source>Longest recording</source>
        <translation>最长录制时间</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="77" />
        <source>Recordings stop by themselves after this many seconds.</source>
        <translation>录制达到此秒数后自动停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="78" />
        <source>Overlay time</source>
        <translation>标注显示时间</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="79" />
        <source>Seconds boxes stay on the screen (0: until Esc).</source>
        <translation>标注框在屏幕上停留的秒数（0：直到按 Esc）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="80" />
        <source>Act without asking</source>
        <translation>无需确认直接执行</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="81" />
        <source>Perform each proposed action after a countdown instead of waiting for Confirm.</source>
        <translation>倒计时结束后直接执行每个建议的操作，而不等待“确认”。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="82" />
        <source>Screen tools in chat</source>
        <translation>聊天中的屏幕工具</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="83" />
        <source>Let the model take a screenshot, zoom into a region or list the open windows while it answers a chat question.</source>
        <translation>回答聊天问题时，允许模型截图、放大某个区域或列出打开的窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="84" />
        <source>Step limit</source>
        <translation>步数上限</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="85" />
        <source>The agent stops after this many steps.</source>
        <translation>助手执行这么多步后停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="86" />
        <source>Auto-mode countdown</source>
        <translation>自动模式倒计时</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="87" />
        <source>Seconds to wait before each action in auto mode.</source>
        <translation>自动模式下每个操作前等待的秒数。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="88" />
        <source>Keep history</source>
        <translation>保留历史记录</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="89" />
        <source>Save conversations on this computer.</source>
        <translation>在本机保存对话。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="90" />
        <source>Log prompts</source>
        <translation>记录提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="91" />
        <source>Write prompts and answers to the log file (for debugging).</source>
        <translation>把提示词和回答写入日志文件（用于调试）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="92" />
        <source>Language of the interface.</source>
        <translation>界面语言。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="93" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="94" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="95" />
        <source>Open in chat</source>
        <translation>在聊天窗口中打开</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="96" />
        <source>Quick-ask prompt</source>
        <translation>快速提问框</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="97" />
        <source>This computer (GGUF)</source>
        <translation>本机（GGUF）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="98" />
        <source>API provider</source>
        <translation>API 服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="99" />
        <source>API providers</source>
        <translation>API 服务商</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/schema_i18n.py" line="100" />
        <source> (takes effect after a restart)</source>
        <translation>（重启后生效）</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="30" />
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="31" />
        <source>Region</source>
        <translation>区域截图</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="32" />
        <location filename="../../desktop_helper/ui/tray.py" line="57" />
        <source>Record</source>
        <translation>录屏</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="33" />
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="34" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="35" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="61" />
        <source>{0}: recording {1}:{2:02d}</source>
        <translation>{0}：正在录屏 {1}:{2:02d}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/tray.py" line="62" />
        <source>Stop recording ({0}:{1:02d})</source>
        <translation>停止录屏（{0}:{1:02d}）</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../desktop_helper/ui/welcome.py" line="22" />
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
</context>
<context>
    <name>_MonitorWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="144" />
        <source>Drag to select · click a window to take it · Enter to confirm · Esc to cancel</source>
        <translation>拖动选择 · 点击窗口选中整个窗口 · 回车确认 · Esc 取消</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/region_selector.py" line="146" />
        <source> · L: last region</source>
        <translation> · L：上次的区域</translation>
    </message>
</context>
</TS>
