<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>BackendService</name>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="83"/>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="100"/>
        <location filename="../../desktop_helper/ui/backend_service.py" line="119"/>
        <source>Ready: {0}</source>
        <translation>就绪：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="134"/>
        <source>Loading the model: {0} ({1:.0%})</source>
        <translation>正在加载模型：{0}（{1:.0%}）</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="283"/>
        <source>New chat</source>
        <extracomment>tools the model may call while answering (screen, zoom, windows); set by the app</extracomment>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="288"/>
        <source>Search history…</source>
        <translation>搜索历史…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="313"/>
        <source>Thinking</source>
        <translation>深度思考</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="319"/>
        <source>Low detail</source>
        <translation>低细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="320"/>
        <source>Medium detail</source>
        <translation>中等细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="321"/>
        <source>High detail</source>
        <translation>高细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="322"/>
        <source>Max detail</source>
        <translation>最高细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="332"/>
        <source>System prompt…</source>
        <translation>系统提示词…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="335"/>
        <source>Mini</source>
        <translation>迷你窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="336"/>
        <source>A small always-on-top window for quick questions</source>
        <translation>置顶的小窗口，用于快速提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="358"/>
        <source>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</source>
        <translation>询问屏幕内容，或把文件拖到这里…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="364"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="369"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="372"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="440"/>
        <source>The app was closed while this answer was being written.</source>
        <translation>应用在生成此回答时被关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="459"/>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="465"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="483"/>
        <source>Wait for the answer to finish, or stop it, first.</source>
        <translation>请先等待回答完成，或将其停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="512"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="513"/>
        <location filename="../../desktop_helper/ui/chat_window.py" line="524"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="514"/>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="515"/>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="520"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="520"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="524"/>
        <source>Delete this conversation and its attachments?</source>
        <translation>删除此对话及其附件？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="530"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="539"/>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="569"/>
        <source>≈ {0} image tokens (≤ {1} per image)</source>
        <translation>约 {0} 个图像 token（每张图像 ≤ {1}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="574"/>
        <source>No backend</source>
        <translation>无后端</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="581"/>
        <source>Local model</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="643"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="643"/>
        <source>Instructions for this conversation:</source>
        <translation>此对话的指令：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="672"/>
        <source>{0}: only {1} will be sent.</source>
        <translation>{0}：只会发送 {1}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="673"/>
        <source>Use its Pages… button to choose other pages.</source>
        <translation>使用其“页面…”按钮选择其他页面。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="683"/>
        <source>{0}: cannot be read ({1}).</source>
        <translation>{0}：无法读取（{1}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="688"/>
        <source>Reading {0} file(s)…</source>
        <translation>正在读取 {0} 个文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="697"/>
        <source>pasted image {0}</source>
        <translation>粘贴的图像 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="704"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="706"/>
        <source>Supported files ({0});;All files (*)</source>
        <translation>支持的文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="714"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="714"/>
        <source>Pages of {0} to send (e.g. 3-12):</source>
        <translation>要发送的 {0} 页码（例如 3-12）：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="761"/>
        <source>An answer is still being written; stop it first.</source>
        <translation>回答仍在生成中，请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="764"/>
        <source>Files are still being read; send again in a moment.</source>
        <translation>文件仍在读取中，请稍后再发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="813"/>
        <source>Editing a question (Esc cancels)</source>
        <translation>正在编辑问题（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="840"/>
        <source>The model is still loading; ask again in a moment.</source>
        <translation>模型仍在加载，请稍后再问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="845"/>
        <source>No model is available.</source>
        <translation>没有可用的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="845"/>
        <source>Set one up in Settings &gt; Models.</source>
        <translation>请在“设置 &gt; 模型”中进行配置。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="907"/>
        <source>The model used: {0}</source>
        <translation>模型使用了：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="934"/>
        <source>The answer reached the length limit.</source>
        <translation>回答已达到长度上限。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="945"/>
        <source>Answered in {0:.1f} s</source>
        <translation>用时 {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="947"/>
        <source>, {0} tokens</source>
        <translation>，{0} 个 token</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="1036"/>
        <source>{0} location(s) the model marked (its estimate)</source>
        <translation>模型标出的 {0} 个位置（仅为估计）</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="106"/>
        <source>Show {0} earlier messages</source>
        <extracomment>messages rendered when a conversation opens (older ones behind a &quot;Show earlier&quot; link)</extracomment>
        <translation>显示更早的 {0} 条消息</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="142"/>
        <source>Waiting for the model…</source>
        <translation>等待模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="154"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="199"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="199"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="199"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="208"/>
        <source>▼ Thinking ({0} words)</source>
        <translation>▼ 思考过程（{0} 词）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="211"/>
        <source>▶ Thinking ({0} words)</source>
        <translation>▶ 思考过程（{0} 词）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="239"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="239"/>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="245"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="247"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="249"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="251"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="253"/>
        <source>Show on screen</source>
        <translation>在屏幕上显示</translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="166"/>
        <source>Quick question</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="173"/>
        <source>Ask quickly…</source>
        <translation>快速提问…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="175"/>
        <source>Full window</source>
        <translation>完整窗口</translation>
    </message>
</context>
</TS>
