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
        <location filename="../../desktop_helper/ui/backend_service.py" line="77"/>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/backend_service.py" line="92"/>
        <location filename="../../desktop_helper/ui/backend_service.py" line="110"/>
        <source>Ready: {0}</source>
        <translation>就绪：{0}</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="268"/>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="273"/>
        <source>Search history…</source>
        <translation>搜索历史…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="292"/>
        <source>Thinking</source>
        <translation>深度思考</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="298"/>
        <source>Low detail</source>
        <translation>低细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="299"/>
        <source>Medium detail</source>
        <translation>中等细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="300"/>
        <source>High detail</source>
        <translation>高细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="301"/>
        <source>Max detail</source>
        <translation>最高细节</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="311"/>
        <source>System prompt…</source>
        <translation>系统提示词…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="314"/>
        <source>Mini</source>
        <translation>迷你窗口</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="315"/>
        <source>A small always-on-top window for quick questions</source>
        <translation>置顶的小窗口，用于快速提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="337"/>
        <source>Ask about your screen, or drop files here… (Enter sends, Shift+Enter: new line)</source>
        <translation>询问屏幕内容，或把文件拖到这里…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="343"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="348"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="351"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="416"/>
        <source>The app was closed while this answer was being written.</source>
        <translation>应用在生成此回答时被关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="435"/>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="441"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="459"/>
        <source>Wait for the answer to finish, or stop it, first.</source>
        <translation>请先等待回答完成，或将其停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="488"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="489"/>
        <location filename="../../desktop_helper/ui/chat_window.py" line="500"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="490"/>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="491"/>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="496"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="496"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="500"/>
        <source>Delete this conversation and its attachments?</source>
        <translation>删除此对话及其附件？</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="506"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="515"/>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="545"/>
        <source>≈ {0} image tokens (≤ {1} per image)</source>
        <translation>约 {0} 个图像 token（每张图像 ≤ {1}）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="550"/>
        <source>No backend</source>
        <translation>无后端</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="557"/>
        <source>Local model</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="594"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="594"/>
        <source>Instructions for this conversation:</source>
        <translation>此对话的指令：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="623"/>
        <source>{0}: only {1} will be sent.</source>
        <translation>{0}：只会发送 {1}。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="624"/>
        <source>Use its Pages… button to choose other pages.</source>
        <translation>使用其“页面…”按钮选择其他页面。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="634"/>
        <source>{0}: cannot be read ({1}).</source>
        <translation>{0}：无法读取（{1}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="639"/>
        <source>Reading {0} file(s)…</source>
        <translation>正在读取 {0} 个文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="648"/>
        <source>pasted image {0}</source>
        <translation>粘贴的图像 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="655"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="657"/>
        <source>Supported files ({0});;All files (*)</source>
        <translation>支持的文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="665"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="665"/>
        <source>Pages of {0} to send (e.g. 3-12):</source>
        <translation>要发送的 {0} 页码（例如 3-12）：</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="707"/>
        <source>An answer is still being written; stop it first.</source>
        <translation>回答仍在生成中，请先停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="710"/>
        <source>Files are still being read; send again in a moment.</source>
        <translation>文件仍在读取中，请稍后再发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="759"/>
        <source>Editing a question (Esc cancels)</source>
        <translation>正在编辑问题（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="786"/>
        <source>The model is still loading; ask again in a moment.</source>
        <translation>模型仍在加载，请稍后再问。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="791"/>
        <source>No model is available.</source>
        <translation>没有可用的模型。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="791"/>
        <source>Set one up in Settings &gt; Models.</source>
        <translation>请在“设置 &gt; 模型”中进行配置。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="874"/>
        <source>The answer reached the length limit.</source>
        <translation>回答已达到长度上限。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="885"/>
        <source>Answered in {0:.1f} s</source>
        <translation>用时 {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="887"/>
        <source>, {0} tokens</source>
        <translation>，{0} 个 token</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="970"/>
        <source>{0} location(s) the model marked (its estimate)</source>
        <translation>模型标出的 {0} 个位置（仅为估计）</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="118"/>
        <source>Waiting for the model…</source>
        <translation>等待模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="130"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="175"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="175"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="175"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="184"/>
        <source>▼ Thinking ({0} words)</source>
        <translation>▼ 思考过程（{0} 词）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="187"/>
        <source>▶ Thinking ({0} words)</source>
        <translation>▶ 思考过程（{0} 词）</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="211"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="211"/>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="217"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="219"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="221"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="223"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/conversation_view.py" line="225"/>
        <source>Show on screen</source>
        <translation>在屏幕上显示</translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="163"/>
        <source>Quick question</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="170"/>
        <source>Ask quickly…</source>
        <translation>快速提问…</translation>
    </message>
    <message>
        <location filename="../../desktop_helper/ui/chat_window.py" line="172"/>
        <source>Full window</source>
        <translation>完整窗口</translation>
    </message>
</context>
</TS>
