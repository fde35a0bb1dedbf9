<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Evidence: {0}</source>
        <extracomment>longest text shown (a huge log opens quickly; the rest can be saved)</extracomment>
        <translation>佐证材料：{0}</translation>
    </message>
    <message>
        <source>The app cannot show files of this type. Use 另存为 to open it with another program; the saved copy is not encrypted.</source>
        <translation>本软件不能显示此类文件。可用“另存为”保存后用其他程序打开；另存的副本不加密。</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>The picture cannot be read (the file may be damaged).</source>
        <translation>图片无法读取（文件可能已损坏）。</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>The PDF cannot be read (the file may be damaged).</source>
        <translation>PDF 无法读取（文件可能已损坏）。</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>The copy saved outside the workspace is NOT encrypted: anyone with the file can read it. Save it anyway?</source>
        <translation>另存到工作区以外的副本不加密，任何拿到该文件的人都能读取。仍要另存吗？</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>A backup is made before every upgrade and once a day; backups are encrypted like the workspace. Restoring first backs up the current state.</source>
        <translation>每次升级前和每天都会自动备份；备份与工作区一样加密。恢复前会先备份当前状态。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the chosen backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Backed up: {0}</source>
        <translation>已备份：{0}</translation>
    </message>
    <message>
        <source>Restore the workspace to the backup of %1? Changes made since then are kept in a separate backup and can be restored again.</source>
        <translation>把工作区恢复到 %1 的备份？此后的修改会另存为一份备份，可以再恢复回来。</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <source>The campaign</source>
        <translation>巡查活动</translation>
    </message>
    <message>
        <source>What the team inspects, and when (it can be changed later).</source>
        <translation>巡查什么、何时巡查（以后可以修改）。</translation>
    </message>
    <message>
        <source>{0} enforcement inspection</source>
        <translation>{0}年执行工作巡查</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>部署法院：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Please name the campaign.</source>
        <translation>请填写巡查活动名称。</translation>
    </message>
    <message>
        <source>The campaign cannot end before it starts.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Identity cards and the roster</source>
        <translation>身份卡与组员名册</translation>
    </message>
    <message>
        <source>Each member creates a workspace on their laptop and sends you their identity card (Packages → Export my identity card). Import the cards (Packages → Import roster or identity card), check each fingerprint with its member by phone or in person, then sign the roster and give it to everyone: from then on every laptop accepts only the team&apos;s packages.</source>
        <translation>每位组员在自己的电脑上新建工作区，把身份卡发给您（台账包 → 导出本人身份卡）。您导入身份卡（台账包 → 导入名册或身份卡），通过电话或当面与组员逐一核对指纹，然后签发组员名册并发给每位组员：此后每台电脑只接受本组的台账包。</translation>
    </message>
    <message>
        <source>Sign the roster when the workspace is made</source>
        <translation>工作区建好后签发组员名册</translation>
    </message>
    <message>
        <source>Send your identity card to the team leader and read its fingerprint to them; import the roster the leader signs (Packages → Import roster or identity card). The leader&apos;s consolidated ledger brings the campaign, the courts and the team.</source>
        <translation>把身份卡交给组长，并向组长读出指纹；导入组长签发的组员名册（台账包 → 导入名册或身份卡）。巡查活动、被检查法院和组员随组长汇总的台账一并到来。</translation>
    </message>
    <message>
        <source>Export my identity card when the workspace is made</source>
        <translation>工作区建好后导出本人身份卡</translation>
    </message>
</context>
<context>
    <name>CaseImportDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Case lists (*.xlsx *.xls *.csv)</source>
        <translation>案件清单 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取{0}…</translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation>第{0}行：{1}</translation>
    </message>
    <message>
        <source>Header found in row {0}. {1} rows can be imported, {2} rejected, {3} blank or total rows skipped.</source>
        <translation>表头位于第{0}行。可导入{1}行，拒绝{2}行，跳过空行和合计行{3}行。</translation>
    </message>
    <message>
        <source>Importing the case list</source>
        <translation>正在导入案件清单</translation>
    </message>
    <message>
        <source>Import case list</source>
        <translation>导入案件清单</translation>
    </message>
    <message>
        <source>Case list file</source>
        <translation>案件清单文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Court (when the case number does not say)</source>
        <translation>所属法院（案号无法识别法院时）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>数据行</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>各方取值</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Conflicts ({0})</source>
        <translation>冲突处理（{0}）</translation>
    </message>
    <message>
        <source>Cannot resolve</source>
        <translation>无法处理</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突处理</translation>
    </message>
    <message>
        <source>The same item was changed differently on two laptops. Every value is kept until you decide; your decision is recorded and reaches every member with the consolidated ledger.</source>
        <translation>同一内容在不同电脑上被改成了不同的值。在您决定之前，各方的值都会保留；您的决定会被记录，并随汇总台账发给每位组员。</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Or a new value:</source>
        <translation>或填写新值：</translation>
    </message>
    <message>
        <source>Use new value</source>
        <translation>采用新值</translation>
    </message>
    <message>
        <source>Use the selected value</source>
        <translation>采用所选值</translation>
    </message>
</context>
<context>
    <name>CourtFeedbackPage</name>
    <message>
        <source>Save as Word…</source>
        <translation>另存为 Word…</translation>
    </message>
    <message>
        <source>No feedback yet: it comes with the leader&apos;s rectification package.</source>
        <translation>尚未收到反馈意见：反馈意见随组长签发的整改包送达。</translation>
    </message>
    <message>
        <source>Save feedback</source>
        <translation>保存反馈意见</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
</context>
<context>
    <name>CourtProgressDialog</name>
    <message>
        <source>Rectification progress by court</source>
        <translation>各法院整改进度</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Plans to decide</source>
        <translation>待审定方案</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>No court has rectification items yet.</source>
        <translation>尚无法院的整改事项。</translation>
    </message>
    <message>
        <source>{0}, week by week:</source>
        <translation>{0}逐周整改进度：</translation>
    </message>
</context>
<context>
    <name>CourtWindow</name>
    <message>
        <source>Rectification items</source>
        <extracomment>windows opened for a workspace of the other kind (a court&apos;s, the team&apos;s), kept until closed</extracomment>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈意见</translation>
    </message>
    <message>
        <source>Exchange with the team</source>
        <translation>与巡查组收发</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Exchange</source>
        <translation>收发(&amp;E)</translation>
    </message>
    <message>
        <source>Import rectification package…</source>
        <translation>导入整改包…</translation>
    </message>
    <message>
        <source>Export package for the team…</source>
        <translation>导出报送巡查组的台账包…</translation>
    </message>
    <message>
        <source>Export identity card…</source>
        <translation>导出本机身份卡…</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入名册…</translation>
    </message>
    <message>
        <source>{0} — liaison of {1}</source>
        <translation>{0}（{1}联络员）</translation>
    </message>
    <message>
        <source>(court not bound yet)</source>
        <translation>（尚未绑定法院）</translation>
    </message>
    <message>
        <source>Inspection Ledger — inspected court</source>
        <translation>巡查台账 — 被检查法院</translation>
    </message>
    <message>
        <source>Export package for the team</source>
        <translation>导出报送巡查组的台账包</translation>
    </message>
    <message>
        <source>Ledger packages (*.ledgerpkg)</source>
        <translation>台账包 (*.ledgerpkg)</translation>
    </message>
</context>
<context>
    <name>CourtWorkbookDialog</name>
    <message>
        <source>Court fill-in workbook</source>
        <translation>法院填报表</translation>
    </message>
    <message>
        <source>For a court that does not run the app: export a workbook for its clerk to fill in (measures, owners, deadlines, progress, evidence file names), then check and import what comes back. Nothing is written until you import the valid rows.</source>
        <translation>供不使用本软件的被检查法院填报：导出填报表交法院填写（整改措施、责任单位和责任人、整改时限、整改进展、佐证材料文件名），收回后逐行检查并导入。点击“导入有效行”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Import the valid rows</source>
        <translation>导入有效行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export a workbook for a court</source>
        <translation>为法院导出填报表</translation>
    </message>
    <message>
        <source>Court:</source>
        <translation>法院：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import a filled-in workbook</source>
        <translation>导入法院填好的填报表</translation>
    </message>
    <message>
        <source>The workbook the court filled in (.xlsx)</source>
        <translation>法院填好的填报表（.xlsx）</translation>
    </message>
    <message>
        <source>Workbook:</source>
        <translation>填报表：</translation>
    </message>
    <message>
        <source>Default: the evidence folder beside the workbook, else the workbook&apos;s folder</source>
        <translation>默认：填报表旁的“填报表名_佐证材料”文件夹，没有时为填报表所在文件夹</translation>
    </message>
    <message>
        <source>Evidence folder:</source>
        <translation>佐证材料文件夹：</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Changes ({0})</source>
        <translation>将要变更（{0}）</translation>
    </message>
    <message>
        <source>Rejected rows ({0})</source>
        <translation>拒绝的行（{0}）</translation>
    </message>
    <message>
        <source>Export the fill-in workbook</source>
        <translation>导出法院填报表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook</source>
        <translation>正在生成填报表</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>正在检查{0}…</translation>
    </message>
    <message>
        <source>{0}: {1} rows, {2} to change, {3} unchanged, {4} rejected. Evidence from {5}.</source>
        <translation>{0}：共{1}行，将更新{2}项，无变化{3}项，拒绝{4}行。佐证材料文件夹：{5}。</translation>
    </message>
    <message>
        <source>Importing the valid rows</source>
        <translation>正在导入有效行</translation>
    </message>
</context>
<context>
    <name>CourtsPage</name>
    <message>
        <source>The courts to inspect</source>
        <translation>被检查法院</translation>
    </message>
    <message>
        <source>Tick them in the province&apos;s list; type courts it lacks, one per line.</source>
        <translation>在全省法院名单中勾选；名单中没有的法院，每行填写一个。</translation>
    </message>
    <message>
        <source>Find a court (name or code)</source>
        <translation>查找法院（名称或代字）</translation>
    </message>
    <message>
        <source>Other courts (name and code, one per line):</source>
        <translation>其他法院（名称和代字，每行一个）：</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overdue items</source>
        <translation>逾期事项</translation>
    </message>
    <message>
        <source>Due within 3 working days</source>
        <translation>3个工作日内到期</translation>
    </message>
    <message>
        <source>Closed items</source>
        <translation>已销号事项</translation>
    </message>
    <message>
        <source>Closure rate</source>
        <translation>销号率</translation>
    </message>
    <message>
        <source>Conflicts to decide</source>
        <translation>待处理冲突</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>各项指标</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回头看</translation>
    </message>
    <message>
        <source>By court</source>
        <translation>各法院情况</translation>
    </message>
    <message>
        <source>No problems recorded yet</source>
        <translation>暂无问题</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Courts</source>
        <extracomment>the record types the page shows: it refreshes when an op changes one fill the numbers from a worker the first time (the app&apos;s start-up), not before painting</extracomment>
        <translation>法院</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>File reviews</source>
        <translation>案卷评查</translation>
    </message>
    <message>
        <source>Interviews and visits</source>
        <translation>座谈走访</translation>
    </message>
    <message>
        <source>Rectification items</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>No rectification items yet</source>
        <translation>暂无整改事项</translation>
    </message>
    <message>
        <source>No items closed yet</source>
        <translation>暂无销号事项</translation>
    </message>
    <message>
        <source>Problems by category</source>
        <translation>问题类别分布</translation>
    </message>
    <message>
        <source>Items by state</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <source>Closure rate over time</source>
        <translation>销号率变化</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7日内到期</translation>
    </message>
    <message>
        <source>Overdue by court</source>
        <translation>各法院逾期事项</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Title</source>
        <extracomment>the kinds of block a user may give a piece of text (tables come from the ledger)</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Signature and date</source>
        <translation>落款和日期</translation>
    </message>
    <message>
        <source>Attachment (on a new page)</source>
        <translation>附件（另起一页）</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Insert paragraph</source>
        <translation>插入段落</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Draft again from the ledger…</source>
        <translation>按台账重新生成…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Save as Word…</source>
        <translation>另存为 Word…</translation>
    </message>
    <message>
        <source>Draft: {0} ({1})</source>
        <translation>文书草稿：{0}（{1}）</translation>
    </message>
    <message>
        <source>Draft: {0} (to all the courts)</source>
        <translation>文书草稿：{0}（致各被检查法院）</translation>
    </message>
    <message>
        <source>Drafted from the ledger {0}; edited by the team since.</source>
        <translation>{0} 按台账生成，此后巡查组已修改。</translation>
    </message>
    <message>
        <source>Drafted from the ledger {0}; not edited yet.</source>
        <translation>{0} 按台账生成，尚未修改。</translation>
    </message>
    <message>
        <source>Table ({0} rows)</source>
        <translation>〔表格〕共{0}行</translation>
    </message>
    <message>
        <source>[{0}] {1}</source>
        <translation>〔{0}〕{1}</translation>
    </message>
    <message>
        <source>Still to be written by the team: {0}. Replace the marked paragraph with your own text.</source>
        <translation>尚待巡查组填写：{0}。请用巡查组自己的文字替换标有【待巡查组填写】的段落。</translation>
    </message>
    <message>
        <source>Tables come from the ledger: draft again to update them.</source>
        <translation>表格按台账生成，如需更新请重新生成。</translation>
    </message>
    <message>
        <source>Save or undo your edits first.</source>
        <translation>请先保存或撤销修改。</translation>
    </message>
    <message>
        <source>The team edited this draft. Drafting it again from the ledger replaces those edits (they stay in its history). Draft it again?</source>
        <translation>巡查组修改过这份草稿。按台账重新生成将替换这些修改（修改仍保留在历史记录中）。确定重新生成？</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>1. Give the team leader this laptop&apos;s identity card, and read its fingerprint to the leader.</source>
        <translation>1. 把本机身份卡交给巡查组组长，并向组长读出本机的密钥指纹。</translation>
    </message>
    <message>
        <source>Export identity card…</source>
        <translation>导出本机身份卡…</translation>
    </message>
    <message>
        <source>2. Import the roster the leader signed (compare the leader&apos;s fingerprint).</source>
        <translation>2. 导入组长签发的名册（核对组长的密钥指纹）。</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入名册…</translation>
    </message>
    <message>
        <source>3. Import the rectification package the leader sent this court.</source>
        <translation>3. 导入组长发给本院的整改包。</translation>
    </message>
    <message>
        <source>Import rectification package…</source>
        <translation>导入整改包…</translation>
    </message>
    <message>
        <source>4. Send the court&apos;s plans, progress and evidence back to the team.</source>
        <translation>4. 把本院的整改方案、整改进展和佐证材料报送巡查组。</translation>
    </message>
    <message>
        <source>Export package for the team…</source>
        <translation>导出报送巡查组的台账包…</translation>
    </message>
    <message>
        <source>Court: {0}</source>
        <translation>本院：{0}</translation>
    </message>
    <message>
        <source>Not bound to a court yet (import the leader&apos;s roster).</source>
        <translation>尚未绑定法院（请导入组长签发的名册）。</translation>
    </message>
    <message>
        <source>Team leader: {0}</source>
        <translation>巡查组组长：{0}</translation>
    </message>
    <message>
        <source>No roster imported yet.</source>
        <translation>尚未导入名册。</translation>
    </message>
    <message>
        <source>Last rectification package imported: {0}</source>
        <translation>最近导入整改包：{0}</translation>
    </message>
    <message>
        <source>No rectification package imported yet.</source>
        <translation>尚未导入整改包。</translation>
    </message>
    <message>
        <source>Changes not yet sent to the team: {0}</source>
        <translation>尚未报送巡查组的修改：{0}条</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>New follow-up inspection</source>
        <translation>新建回头看</translation>
    </message>
    <message>
        <source>A follow-up inspection re-checks the items an earlier campaign closed and follows up the ones it left open. Its courts are the earlier campaign&apos;s.</source>
        <translation>回头看对原巡查已销号的事项逐项复查，对尚未销号的事项延续跟踪整改。被检查法院与原巡查相同。</translation>
    </message>
    <message>
        <source>e.g. 云高法〔2026〕12号 (optional)</source>
        <translation>如 云高法〔2026〕12号（可不填）</translation>
    </message>
    <message>
        <source>Follows up:</source>
        <translation>原巡查：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>发文字号：</translation>
    </message>
    <message>
        <source>{0} follow-up</source>
        <translation>{0}“回头看”</translation>
    </message>
    <message>
        <source>There is no campaign to follow up yet.</source>
        <translation>还没有可以开展回头看的巡查活动。</translation>
    </message>
</context>
<context>
    <name>HolidayNoticeDialog</name>
    <message>
        <source>Load the year&apos;s holiday arrangement</source>
        <translation>载入年度节假日安排</translation>
    </message>
    <message>
        <source>Paste the State Council&apos;s notice as published (一、元旦：…), or open it saved as a text file. Check the preview, then load it.</source>
        <translation>粘贴国务院办公厅发布的节假日安排通知原文（一、元旦：…），或打开保存该通知的文本文件。核对预览后再载入。</translation>
    </message>
    <message>
        <source>The notice&apos;s text</source>
        <translation>通知原文</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>Preview the arrangement first.</source>
        <translation>请先预览节假日安排。</translation>
    </message>
    <message>
        <source>Text (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送人</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>台账包</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>New records</source>
        <translation>新增记录</translation>
    </message>
    <message>
        <source>Changed records</source>
        <translation>更新记录</translation>
    </message>
    <message>
        <source>imported before</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <source>In total: {0} packages, {1} new changes; new: {2}; changed: {3}; new conflicts for the leader: {4}</source>
        <translation>合计：台账包{0}个，新修改记录{1}条；新增：{2}；更新：{3}；新增冲突（需组长处理）：{4}</translation>
    </message>
    <message>
        <source>These packages bring nothing new</source>
        <translation>这些台账包没有新内容</translation>
    </message>
    <message>
        <source>These packages were imported before or bring nothing new.</source>
        <translation>这些台账包已导入过，或没有新内容。</translation>
    </message>
    <message>
        <source>New conflicts</source>
        <translation>新增冲突</translation>
    </message>
    <message>
        <source>Import ledger packages</source>
        <translation>导入台账包</translation>
    </message>
    <message>
        <source>Check what these packages bring before importing them. They are merged together: nothing is kept if any of them fails.</source>
        <translation>导入前请核对这些台账包带来的内容。它们将一并合并：其中任何一个出错，就全部不保留。</translation>
    </message>
</context>
<context>
    <name>InterviewsPage</name>
    <message>
        <source>All</source>
        <extracomment>the record types the page shows: it refreshes when an op changes one</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <source>Create problem from it…</source>
        <translation>据此生成问题…</translation>
    </message>
    <message>
        <source>The new interview record</source>
        <translation>新的座谈走访记录</translation>
    </message>
    <message>
        <source>The interview record of {0}</source>
        <translation>{0}的座谈走访记录</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Edit interview</source>
        <translation>修改座谈走访记录</translation>
    </message>
    <message>
        <source>{0} — added by {1}; double-click to view</source>
        <translation>{0}——{1}添加；双击查看</translation>
    </message>
    <message>
        <source>Cannot attach</source>
        <translation>无法添加附件</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Interviewees</source>
        <translation>访谈对象</translation>
    </message>
    <message>
        <source>Wang Fang (enforcement judge); Li Qiang (applicant)</source>
        <translation>王芳（执行法官）；李强（申请执行人）</translation>
    </message>
    <message>
        <source>What was said, seen and found</source>
        <translation>记录座谈、走访中听到、看到和发现的情况</translation>
    </message>
    <message>
        <source>Attachments (drop files here)</source>
        <translation>附件（可将文件拖到此处）</translation>
    </message>
    <message>
        <source>Add attachment…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Create problem…</source>
        <translation>生成问题…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Tick 不符合 items to turn them into a problem</source>
        <extracomment>the narrowest a reason is laid out, in characters</extracomment>
        <translation>勾选“不符合”的评查项以生成问题</translation>
    </message>
    <message>
        <source>Your conclusion on this item</source>
        <translation>您对本项的评查结论</translation>
    </message>
    <message>
        <source>Note on this item</source>
        <translation>本项说明</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Rectification item</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>The measure to take</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Set a deadline</source>
        <translation>设定时限</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>From today</source>
        <translation>自今日起算</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Supervising leader</source>
        <translation>督办领导</translation>
    </message>
    <message>
        <source>What the rectification is to achieve</source>
        <translation>整改要达到的目标</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>整改目标：</translation>
    </message>
    <message>
        <source>Contact phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Edit rectification item</source>
        <translation>修改整改事项</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <source>Problem / item</source>
        <extracomment>the day&apos;s backup waits until the window has settled what a row of the tree holds: (kind, id)</extracomment>
        <translation>问题 / 整改事项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Propose plan…</source>
        <translation>提出整改方案…</translation>
    </message>
    <message>
        <source>Start rectification</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>Report progress…</source>
        <translation>报告整改进展…</translation>
    </message>
    <message>
        <source>Revise plan…</source>
        <translation>修改整改方案…</translation>
    </message>
    <message>
        <source>Withdraw plan</source>
        <translation>撤回整改方案</translation>
    </message>
    <message>
        <source>This laptop is not bound to a court yet: import the roster the team leader signed, then the rectification package (see Exchange).</source>
        <extracomment>the record to select once the page shows what was just written</extracomment>
        <translation>本机尚未绑定法院：请先导入巡查组组长签发的名册，再导入整改包（见“与巡查组收发”）。</translation>
    </message>
    <message>
        <source>No problems yet: import the rectification package the leader sent.</source>
        <translation>尚无问题：请导入组长签发的整改包。</translation>
    </message>
    <message>
        <source>{0}: {1} problems, {2} items — {3} pending, {4} in progress, {5} submitted, {6} closed. Plans awaiting the leader: {7}; returned: {8}.</source>
        <translation>{0}：反馈问题{1}个，整改事项{2}项——待整改{3}项，整改中{4}项，待核查{5}项，已销号{6}项。整改方案待组长审定{7}项，被退回{8}项。</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <source>Plan: {0}</source>
        <translation>整改方案：{0}</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>问题类别：</translation>
    </message>
    <message>
        <source>Example cases:</source>
        <translation>例证案号：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>整改类型：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>整改时限：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>责任单位/责任人：</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>整改目标：</translation>
    </message>
    <message>
        <source>Latest progress:</source>
        <translation>最新进展：</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>佐证材料：</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>办理记录：</translation>
    </message>
    <message>
        <source>Plan proposed by the court</source>
        <translation>本院提出的整改方案</translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation>整改措施：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>审定：</translation>
    </message>
    <message>
        <source>Leader&apos;s note:</source>
        <translation>组长意见：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Propose a change…</source>
        <translation>提出修改方案…</translation>
    </message>
    <message>
        <source>Choose a problem or an item first.</source>
        <translation>请先选择问题或整改事项。</translation>
    </message>
    <message>
        <source>Choose an item (a row under a problem).</source>
        <translation>请选择整改事项（问题下的一行）。</translation>
    </message>
    <message>
        <source>Choose a plan the court proposed (and the leader has not accepted).</source>
        <translation>请选择本院提出、组长尚未采纳的整改方案。</translation>
    </message>
    <message>
        <source>Submitted: waiting for the team&apos;s verification.</source>
        <translation>已提交核查，等待巡查组核查。</translation>
    </message>
    <message>
        <source>Closed by the team.</source>
        <translation>巡查组已销号。</translation>
    </message>
    <message>
        <source>Already started.</source>
        <translation>已开始整改。</translation>
    </message>
    <message>
        <source>A plan is selected: revise it instead.</source>
        <translation>已选中整改方案：请改用“修改整改方案”。</translation>
    </message>
    <message>
        <source>Problem: {0}</source>
        <translation>问题：{0}</translation>
    </message>
    <message>
        <source>Item to change: {0}</source>
        <translation>要修改的整改事项：{0}</translation>
    </message>
    <message>
        <source>Rectification plan</source>
        <translation>整改方案</translation>
    </message>
    <message>
        <source>Plan proposed: it waits for the team leader&apos;s decision.</source>
        <translation>已提出整改方案，待组长审定。</translation>
    </message>
    <message>
        <source>Leader&apos;s note: {0}</source>
        <translation>组长意见：{0}</translation>
    </message>
    <message>
        <source>Revise plan</source>
        <translation>修改整改方案</translation>
    </message>
    <message>
        <source>Plan revised: it waits for the team leader&apos;s decision again.</source>
        <translation>整改方案已修改，重新待组长审定。</translation>
    </message>
    <message>
        <source>Withdraw this plan?</source>
        <translation>撤回这项整改方案？</translation>
    </message>
    <message>
        <source>Plan withdrawn.</source>
        <translation>已撤回整改方案。</translation>
    </message>
    <message>
        <source>Rectification started.</source>
        <translation>已开始整改。</translation>
    </message>
    <message>
        <source>Item: {0}</source>
        <translation>整改事项：{0}</translation>
    </message>
    <message>
        <source>Submitted for verification: the item waits for the team. Send it with Exchange → Export.</source>
        <translation>已提交核查：事项待巡查组核查（待核查）。请用“收发 → 导出报送巡查组的台账包”报送。</translation>
    </message>
    <message>
        <source>Progress recorded. Send it to the team with Exchange → Export.</source>
        <translation>已记录整改进展。请用“收发 → 导出报送巡查组的台账包”报送巡查组。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <source>All</source>
        <extracomment>what a complaint may allege (Art. 10: it decides who leads the feedback) the steps a lead&apos;s stage allows (button → stages) the record types the page shows: it refreshes when an op changes one</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <source>{0} leads</source>
        <translation>共 {0} 条线索</translation>
    </message>
    <message>
        <source>Select a lead first.</source>
        <translation>请先选择一条线索。</translation>
    </message>
    <message>
        <source>The lead is at “{0}”; this step is for a lead at {1}.</source>
        <translation>线索当前处于“{0}”阶段；此步骤适用于{1}阶段的线索。</translation>
    </message>
    <message>
        <source>Select a lead.</source>
        <translation>请选择线索。</translation>
    </message>
    <message>
        <source>Source: {0}   Received: {1}   Stage: &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>来源：{0}&#x3000;收到：{1}&#x3000;阶段：&lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Case numbers: {0}   Officers concerned: {1}</source>
        <translation>相关案号：{0}&#x3000;涉及干警：{1}</translation>
    </message>
    <message>
        <source>Alleges: {0}</source>
        <translation>反映的问题：{0}</translation>
    </message>
    <message>
        <source>Joint meeting ({0}): {1}. {2}</source>
        <translation>联席会议（{0}）：{1}。{2}</translation>
    </message>
    <message>
        <source>Assigned: {0}, report due {1}</source>
        <translation>交办：{0}，报告期限 {1}</translation>
    </message>
    <message>
        <source>Investigated by: {0}</source>
        <translation>调查方式：{0}</translation>
    </message>
    <message>
        <source>Investigation report ({0}): facts: {1}; proposed handling: {2}</source>
        <translation>调查报告（{0}）：查明事实：{1}；处理意见：{2}</translation>
    </message>
    <message>
        <source>Investigated by the higher court directly</source>
        <translation>上级法院直接调查</translation>
    </message>
    <message>
        <source>Supplementary investigation ordered</source>
        <translation>责令补充调查</translation>
    </message>
    <message>
        <source>{0}, due {1}</source>
        <translation>{0}，期限 {1}</translation>
    </message>
    <message>
        <source>Conclusion ({0}): {1}. {2}</source>
        <translation>检查结论（{0}）：{1}。{2}</translation>
    </message>
    <message>
        <source>Feedback ({0}, {1}): {2}</source>
        <translation>反馈（{0}，{1}）：{2}</translation>
    </message>
    <message>
        <source>Officer cleared ({0}): {1}</source>
        <translation>澄清正名（{0}）：{1}</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>Edit lead</source>
        <translation>修改线索</translation>
    </message>
    <message>
        <source>Joint meeting</source>
        <translation>联席会议研判</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>交办</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>联合调查</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>调查报告</translation>
    </message>
    <message>
        <source>The default deadline is provisional: the holidays of {0} are not announced yet (load them under Team and settings → Holidays).</source>
        <translation>默认期限为暂定：{0}年节假日安排尚未公布（可在“团队与设置 → 节假日”中载入）。</translation>
    </message>
    <message>
        <source>Supplementary investigation</source>
        <translation>补充调查</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>检查结论</translation>
    </message>
    <message>
        <source>As the report&apos;s analysis names it</source>
        <translation>按调查报告的问题分析</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Clear the officer</source>
        <translation>澄清正名</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>线索来源：</translation>
    </message>
    <message>
        <source>Open leads only</source>
        <translation>只看未办结</translation>
    </message>
    <message>
        <source>New lead…</source>
        <translation>新建线索…</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Joint meeting…</source>
        <translation>联席会议研判…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>交办…</translation>
    </message>
    <message>
        <source>Investigation…</source>
        <translation>联合调查…</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>调查报告…</translation>
    </message>
    <message>
        <source>Supplementary investigation…</source>
        <translation>补充调查…</translation>
    </message>
    <message>
        <source>Conclusion…</source>
        <translation>检查结论…</translation>
    </message>
    <message>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <source>Clear the officer…</source>
        <translation>澄清正名…</translation>
    </message>
</context>
<context>
    <name>LedgerFollowUp</name>
    <message>
        <source>Follow-up:</source>
        <translation>回头看：</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <source>Re-check…</source>
        <translation>回头看复查…</translation>
    </message>
    <message>
        <source>Re-checked {0} of {1}: {2} held, {3} recurred (recurrence rate {4}); {5} carried over ({6} closed since); {7} closed since the last visit</source>
        <translation>应复查{1}项，已复查{0}项：巩固{2}项，复发{3}项（问题复发率{4}）；延续整改{5}项（其中已销号{6}项）；上次巡查后销号{7}项</translation>
    </message>
    <message>
        <source>Recurred / re-checked problems by court and category:</source>
        <translation>各法院、各类别复发问题数 / 复查问题数：</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>请先选择一个事项。</translation>
    </message>
    <message>
        <source>Re-checks are the inspection team&apos;s.</source>
        <translation>回头看复查由巡查组进行。</translation>
    </message>
    <message>
        <source>The item&apos;s campaign has no follow-up.</source>
        <translation>该事项所属的巡查活动尚未开展回头看。</translation>
    </message>
    <message>
        <source>Still open when {0} started: carried over, no re-check needed.</source>
        <translation>“{0}”开始时该事项尚未销号，属于延续整改事项，无需复查。</translation>
    </message>
    <message>
        <source>Only a closed item can be re-checked.</source>
        <translation>只有已销号的事项可以复查。</translation>
    </message>
    <message>
        <source>Recorded as recurred in {0}.</source>
        <translation>已在“{0}”中记录为复发。</translation>
    </message>
    <message>
        <source>Re-check it in {0}.</source>
        <translation>在“{0}”中复查该事项。</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Evidence (double-click to view):</source>
        <extracomment>the record types the page shows: it refreshes when an op changes one</extracomment>
        <translation>佐证材料（双击查看）：</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Overdue, awaiting check</source>
        <translation>待核查逾期</translation>
    </message>
    <message>
        <source>Due within 3 working days</source>
        <translation>3个工作日内到期</translation>
    </message>
    <message>
        <source>Open the problem</source>
        <translation>打开所属问题</translation>
    </message>
    <message>
        <source>Record a talk, notice or accountability…</source>
        <translation>记录约谈、通报、问责…</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>共 {0} 项整改事项</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>请先选择一个整改事项。</translation>
    </message>
    <message>
        <source>You will be asked for the evidence: it needs at least one file.</source>
        <translation>需要至少一份佐证材料，稍后会请您选择文件。</translation>
    </message>
    <message>
        <source>Only the team leader or a verifier may do this.</source>
        <translation>只有组长或核查人可以进行此操作。</translation>
    </message>
    <message>
        <source>This laptop has no member yet.</source>
        <translation>本机尚未设置使用者。</translation>
    </message>
    <message>
        <source>The item is {0}; this needs it to be {1}.</source>
        <translation>事项当前为“{0}”，此操作需要事项处于“{1}”。</translation>
    </message>
    <message>
        <source>The item is closed.</source>
        <translation>事项已销号。</translation>
    </message>
    <message>
        <source>Select an item.</source>
        <translation>请选择整改事项。</translation>
    </message>
    <message>
        <source>Closed by {0} on {1}</source>
        <translation>销号人：{0}&#x3000;销号时间：{1}</translation>
    </message>
    <message>
        <source>{0}   Deadline: {1}   State: &lt;b&gt;{2}&lt;/b&gt; ({3})   Evidence: {4}</source>
        <translation>{0}&#x3000;时限：{1}&#x3000;状态：&lt;b&gt;{2}&lt;/b&gt;（{3}）&#x3000;佐证材料：{4} 份</translation>
    </message>
    <message>
        <source>Problem: {0}</source>
        <translation>问题：{0}</translation>
    </message>
    <message>
        <source>Responsible unit: {0}   Person: {1}   Supervised by: {2}</source>
        <translation>责任单位：{0}&#x3000;责任人：{1}&#x3000;督办：{2}</translation>
    </message>
    <message>
        <source>Goal: {0}</source>
        <translation>整改目标：{0}</translation>
    </message>
    <message>
        <source>Phone: {0}</source>
        <translation>联系电话：{0}</translation>
    </message>
    <message>
        <source>Double-click to view</source>
        <translation>双击查看</translation>
    </message>
    <message>
        <source>Evidence: none yet</source>
        <translation>佐证材料：暂无</translation>
    </message>
    <message>
        <source>Evidence ({0})</source>
        <translation>佐证材料（{0}）</translation>
    </message>
    <message>
        <source>Choose the supporting evidence</source>
        <translation>选择佐证材料</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>For the item: {0}</source>
        <translation>所涉整改事项：{0}</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>时限：</translation>
    </message>
    <message>
        <source>Progress…</source>
        <translation>整改进展…</translation>
    </message>
    <message>
        <source>Evidence…</source>
        <translation>佐证材料…</translation>
    </message>
    <message>
        <source>Submit for checking…</source>
        <translation>提交核查…</translation>
    </message>
    <message>
        <source>Close out…</source>
        <translation>销号…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>the page on show and the campaign and court it shows (to go back to on 取消)</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Packages</source>
        <translation>台账包(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export ledger package…</source>
        <translation>导出台账包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import ledger packages…</source>
        <translation>导入台账包(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>冲突处理(&amp;C)…</translation>
    </message>
    <message>
        <source>Export identity card or &amp;roster…</source>
        <translation>导出身份卡或签发名册(&amp;R)…</translation>
    </message>
    <message>
        <source>Import roster or identity &amp;card…</source>
        <translation>导入名册或身份卡(&amp;D)…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <extracomment>a while after the first paint, the pages&apos; modules are loaded, one per turn of the event loop, so that a page&apos;s first visit does not wait for its import its session went on in another window (see ``court_window.hand_over``)</extracomment>
        <translation>工作台</translation>
    </message>
    <message>
        <source>File reviews</source>
        <translation>案卷评查</translation>
    </message>
    <message>
        <source>Interviews and visits</source>
        <translation>座谈走访</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <source>Rectification ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>One case, two checks</source>
        <translation>一案双查</translation>
    </message>
    <message>
        <source>Team and settings</source>
        <translation>团队与设置</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近的工作区</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Escrow the key to the team leader</source>
        <translation>把密钥托管给组长(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Check workspace</source>
        <translation>检查工作区(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>Import case &amp;list…</source>
        <translation>导入案件清单(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Sample cases…</source>
        <translation>随机抽样(&amp;S)…</translation>
    </message>
    <message>
        <source>System &amp;check of every case…</source>
        <translation>系统检查（全部案件）(&amp;C)…</translation>
    </message>
    <message>
        <source>Court fill-in &amp;workbook…</source>
        <translation>法院填报表(&amp;W)…</translation>
    </message>
    <message>
        <source>Feedback &amp;drafts…</source>
        <translation>反馈意见草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>Progress by &amp;court…</source>
        <translation>各法院整改进度(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export reports…</source>
        <translation>导出报表(&amp;E)…</translation>
    </message>
    <message>
        <source>Courts&apos; &amp;plans to decide…</source>
        <translation>审定法院整改方案(&amp;P)…</translation>
    </message>
    <message>
        <source>Rectification package for a &amp;court…</source>
        <translation>签发法院整改包(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>撤销{0}(&amp;U)</translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation>已撤销：{0}</translation>
    </message>
    <message>
        <source>All courts</source>
        <translation>全部法院</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>（内存）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Workspace: {0}    Current member: {1}</source>
        <translation>工作区：{0}    当前使用者：{1}</translation>
    </message>
    <message>
        <source>Feedback drafts</source>
        <translation>反馈意见草稿</translation>
    </message>
    <message>
        <source>All courts (the combined feedback)</source>
        <translation>全部法院（综合反馈意见）</translation>
    </message>
    <message>
        <source>Rectification package for a court</source>
        <translation>签发法院整改包</translation>
    </message>
    <message>
        <source>There are no courts yet.</source>
        <translation>还没有法院。</translation>
    </message>
    <message>
        <source>Ledger packages (*.ledgerpkg)</source>
        <translation>台账包 (*.ledgerpkg)</translation>
    </message>
    <message>
        <source>Rectification package “{0}” written: only {1}&apos;s laptop can open it. It holds this court&apos;s feedback, problems and items, nothing of other courts.</source>
        <translation>已签发整改包“{0}”：只有{1}的电脑能打开。其中只有该院的反馈意见、问题和整改事项，不含其他法院的任何记录。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Demo workspace: its courts, cases and people are made up.</source>
        <translation>演示工作区：其中的法院、案件和人员均为虚构。</translation>
    </message>
    <message>
        <source>Try anything here; for a real inspection, create a workspace.</source>
        <translation>可以随意尝试；正式巡查请新建工作区。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New inspection workspace…</source>
        <translation>新建巡查工作区…</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>巡查活动：</translation>
    </message>
    <message>
        <source>Court:</source>
        <translation>法院：</translation>
    </message>
    <message>
        <source>Search everything (Ctrl+F)</source>
        <translation>搜索全部内容（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>The team</source>
        <translation>巡查组成员</translation>
    </message>
    <message>
        <source>The other members of the team; each then sends you an identity card.</source>
        <translation>巡查组的其他成员；每人随后把身份卡发给您。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>添加组员</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Names entered twice: {0}</source>
        <translation>姓名重复：{0}</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Your unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Encrypt the workspace with a password (recommended)</source>
        <translation>用密码加密工作区（推荐）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>At least 6 characters. Without the password the workspace cannot be opened: keep it safe, and escrow the key to your team leader once you have the roster.</source>
        <translation>至少 6 个字符。没有密码就无法打开工作区：请妥善保管；导入名册后，可把密钥托管给组长。</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceWizard</name>
    <message>
        <source>New inspection workspace</source>
        <translation>新建巡查工作区</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note (required):</source>
        <translation>说明（必填）：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Please write a note.</source>
        <translation>请填写说明。</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Export ledger package</source>
        <translation>导出台账包</translation>
    </message>
    <message>
        <source>Exporting ledger package</source>
        <translation>正在导出台账包</translation>
    </message>
    <message>
        <source>Rectification package for a court</source>
        <translation>签发法院整改包</translation>
    </message>
    <message>
        <source>Writing rectification package</source>
        <translation>正在签发整改包</translation>
    </message>
    <message>
        <source>Import ledger packages</source>
        <translation>导入台账包</translation>
    </message>
    <message>
        <source>Checking the packages</source>
        <translation>正在检查台账包</translation>
    </message>
    <message>
        <source>Importing ledger packages</source>
        <translation>正在导入台账包</translation>
    </message>
    <message>
        <source>Check workspace</source>
        <translation>检查工作区</translation>
    </message>
    <message>
        <source>Checking every page, the structure and the change history</source>
        <translation>正在检查每一页、数据结构和修改记录</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Creating the workspace</source>
        <translation>正在创建工作区</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Encrypting every page under the new key</source>
        <translation>正在用新密钥重新加密每一页</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation>正在恢复备份</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Reading and checking the packages…</source>
        <extracomment>what the work is doing, by the stage its progress reports name (translated when shown)</extracomment>
        <translation>正在读取并校验台账包…</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Writing attachments…</source>
        <translation>正在写入附件…</translation>
    </message>
    <message>
        <source>Merging changes…</source>
        <translation>正在合并修改记录…</translation>
    </message>
    <message>
        <source>Updating the ledger…</source>
        <translation>正在更新台账…</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>正在写入台账包…</translation>
    </message>
    <message>
        <source>Reading it back to check it…</source>
        <translation>正在回读校验…</translation>
    </message>
    <message>
        <source>Checking the cases…</source>
        <translation>正在检查案件…</translation>
    </message>
    <message>
        <source>Inspection Ledger</source>
        <extracomment>progress shows for work that takes longer than this</extracomment>
        <translation>巡查台账</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <source>Everything (full package)</source>
        <extracomment>the window (also a QWidget: the parent of the dialogs the actions open)</extracomment>
        <translation>全部内容（全量台账包）</translation>
    </message>
    <message>
        <source>Only what {0} has not seen</source>
        <translation>只含{0}尚未收到的内容</translation>
    </message>
    <message>
        <source>Export ledger package</source>
        <translation>导出台账包</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Ledger packages (*.ledgerpkg)</source>
        <translation>台账包 (*.ledgerpkg)</translation>
    </message>
    <message>
        <source>Import ledger packages</source>
        <translation>导入台账包</translation>
    </message>
    <message>
        <source>Ledger packages (*.ledgerpkg);;All files (*)</source>
        <translation>台账包 (*.ledgerpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing new was imported.</source>
        <translation>没有导入新内容。</translation>
    </message>
    <message>
        <source> {0} plan(s) of inspected courts wait for your decision.</source>
        <translation> 被检查法院的整改方案{0}项待您审定。</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>审定…</translation>
    </message>
    <message>
        <source>Sign the team roster</source>
        <translation>签发组员名册</translation>
    </message>
    <message>
        <source>Export my identity card</source>
        <translation>导出本人身份卡</translation>
    </message>
    <message>
        <source>Roster version {0} signed. Leader key fingerprint:
{1}</source>
        <translation>已签发第{0}版名册。组长密钥指纹：
{1}</translation>
    </message>
    <message>
        <source>Identity card saved. Read this fingerprint to the leader:
{0}</source>
        <translation>身份卡已保存。请向组长念出本机密钥指纹以便核对：
{0}</translation>
    </message>
    <message>
        <source>Import roster or identity card</source>
        <translation>导入名册或身份卡</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Nothing was trusted: the fingerprints did not match.</source>
        <translation>指纹不一致，未信任任何内容。</translation>
    </message>
    <message>
        <source>{0}&apos;s laptop is now on the roster. Sign the roster again and send it to the team.</source>
        <translation>{0}的电脑已加入名册。请重新签发名册并发给全组。</translation>
    </message>
    <message>
        <source>Roster version {0} imported.</source>
        <translation>已导入第 {0} 版名册。</translation>
    </message>
    <message>
        <source>{0} item action(s) here (销号, 退回 or 重开) were taken when the roster did not give this laptop the leader&apos;s or a verifier&apos;s role: the leader refuses every package that holds them. Take them back, then export again.</source>
        <translation>本机有 {0} 项销号、退回或重开操作是在名册未给本机组长或核查人角色时做的，组长会拒绝包含这些操作的台账包。请撤销这些操作后重新导出。</translation>
    </message>
    <message>
        <source>Take them back…</source>
        <translation>撤销这些操作…</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>撤销越权操作</translation>
    </message>
    <message>
        <source>Take back these actions? Each item returns to the state it had before; the change is recorded and travels with your next package.
{0}</source>
        <translation>撤销以下操作？各事项将回到操作前的状态；撤销会被记录，并随下一个台账包发出。
{0}</translation>
    </message>
    <message>
        <source>{0} action(s) taken back. Export the package again.</source>
        <translation>已撤销 {0} 项操作。请重新导出台账包。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Unlock workspace</source>
        <translation>打开加密的工作区</translation>
    </message>
    <message>
        <source>The workspace “%1” is encrypted. Enter its password.</source>
        <translation>工作区“%1”已加密，请输入密码。</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在验证密码…</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>What the court will do, concretely</source>
        <translation>本院将采取的具体措施</translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation>整改措施：</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>整改目标：</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <source>Responsible person:</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>整改类型：</translation>
    </message>
    <message>
        <source>No deadline (ongoing)</source>
        <translation>无时限（长期坚持）</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>整改时限：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>ProblemDialog</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Subtype</source>
        <translation>问题子类</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>What was found, with examples</source>
        <translation>问题表现，含例证</translation>
    </message>
    <message>
        <source>Example case numbers</source>
        <translation>例证案号</translation>
    </message>
    <message>
        <source>（2024）云0102执88号；（2024）云0102执91号</source>
        <translation>（2024）云0102执88号；（2024）云0102执91号</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Edit problem</source>
        <extracomment>the problems made by the dialog (several when it went through several drafts)</extracomment>
        <translation>修改问题</translation>
    </message>
    <message>
        <source>New problem ({0} of {1})</source>
        <translation>新建问题（第 {0} 个，共 {1} 个）</translation>
    </message>
    <message>
        <source>Save the problem all the same?</source>
        <translation>仍然保存该问题吗？</translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <source>All</source>
        <extracomment>the record a problem&apos;s source is, by how it was found the record types the page shows: it refreshes when an op changes one</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <source>Open the source record</source>
        <translation>打开来源记录</translation>
    </message>
    <message>
        <source>{0} problems</source>
        <translation>共 {0} 个问题</translation>
    </message>
    <message>
        <source>Select a problem first.</source>
        <translation>请先选择一个问题。</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>问题类别：</translation>
    </message>
    <message>
        <source>Found by way of:</source>
        <translation>发现方式：</translation>
    </message>
    <message>
        <source>Found by:</source>
        <translation>发现人：</translation>
    </message>
    <message>
        <source>New problem…</source>
        <translation>新建问题…</translation>
    </message>
    <message>
        <source>Add rectification item…</source>
        <translation>添加整改事项…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Report progress</source>
        <translation>报告整改进展</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>整改进展：</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>佐证材料：</translation>
    </message>
    <message>
        <source>Rectification done: submit for verification</source>
        <translation>整改完成，提交核查</translation>
    </message>
    <message>
        <source>Start the rectification first.</source>
        <translation>请先开始整改。</translation>
    </message>
    <message>
        <source>Choose evidence files</source>
        <translation>选择佐证材料</translation>
    </message>
    <message>
        <source>Write what was done or add evidence.</source>
        <translation>请填写整改进展或添加佐证材料。</translation>
    </message>
</context>
<context>
    <name>ProposalsDialog</name>
    <message>
        <source>Plans the inspected courts proposed. Accept one to add or change the item as proposed, or return it with a note; the court sees the decision with its next rectification package.</source>
        <translation>被检查法院提出的整改方案。采纳后按方案新增或修改整改事项；退回须填写意见。法院在下一份整改包中看到审定结果。</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Proposes</source>
        <translation>方案内容</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Note (required to return):</source>
        <translation>审定意见（退回时必填）：</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Return with note</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Change “{0}” to: {1}</source>
        <translation>将“{0}”改为：{1}</translation>
    </message>
    <message>
        <source>New item: {0}</source>
        <translation>新增事项：{0}</translation>
    </message>
    <message>
        <source>Courts&apos; plans to decide ({0})</source>
        <translation>待审定的法院整改方案（{0}）</translation>
    </message>
    <message>
        <source>Nothing waits for a decision.</source>
        <translation>没有待审定的整改方案。</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Item it changes</source>
        <translation>所改整改事项</translation>
    </message>
    <message>
        <source>(a new item)</source>
        <translation>（新增事项）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>整改目标</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位/责任人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>整改类型</translation>
    </message>
    <message>
        <source>Court&apos;s note</source>
        <translation>法院说明</translation>
    </message>
    <message>
        <source>Discard the note you wrote?</source>
        <translation>放弃已填写的意见？</translation>
    </message>
</context>
<context>
    <name>Provenance</name>
    <message>
        <source>{0} ({1}) created it on {2}; {3} ({4}) last changed it on {5}</source>
        <translation>{0}（{1}）于{2}创建；{3}（{4}）于{5}最后修改</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <source>Follow-up re-check</source>
        <translation>回头看复查</translation>
    </message>
    <message>
        <source>Closed on {0}; re-checked in {1}</source>
        <translation>销号时间：{0}；复查：{1}</translation>
    </message>
    <message>
        <source>Held: no recurrence found</source>
        <translation>巩固：未发现问题反弹</translation>
    </message>
    <message>
        <source>Recurred: reopen the item for rectification</source>
        <translation>复发：重新打开该事项整改</translation>
    </message>
    <message>
        <source>Recurred: record a new problem of this follow-up, linked to this one</source>
        <translation>复发：作为本次回头看发现的新问题另行整改（关联原问题）</translation>
    </message>
    <message>
        <source>It was re-checked as held already in this follow-up.</source>
        <translation>该事项已在本次回头看中复查为巩固。</translation>
    </message>
    <message>
        <source>Only the team leader or a verifier may reopen.</source>
        <translation>只有组长或核查人可以重新打开事项。</translation>
    </message>
    <message>
        <source>The problem found again:</source>
        <translation>复发问题的描述：</translation>
    </message>
    <message>
        <source>What the re-check found:</source>
        <translation>复查情况：</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Edit…</source>
        <extracomment>whether it is offered for this record (default: always)</extracomment>
        <translation>修改…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>修改历史…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>History of the {0}</source>
        <translation>{0}的修改历史</translation>
    </message>
    <message>
        <source>Created by {0} on {1}, {2}; last changed by {3}, {4}.</source>
        <translation>{0}（{1}）于 {2} 创建；{3}于 {4} 最后修改。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Rectification report</source>
        <extracomment>the documents&apos; names (and their files&apos;): Chinese, whatever the interface&apos;s language</extracomment>
        <translation>整改情况报告</translation>
    </message>
    <message>
        <source>Inspection feedback</source>
        <translation>巡查反馈意见</translation>
    </message>
    <message>
        <source>Report to the higher court</source>
        <translation>专题报告（报上级法院）</translation>
    </message>
    <message>
        <source>All courts, combined</source>
        <translation>全部法院（合并）</translation>
    </message>
    <message>
        <source>Court:</source>
        <translation>法院：</translation>
    </message>
    <message>
        <source>Optional: the document&apos;s number</source>
        <translation>可不填，如 云高法〔2026〕12号</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>发文字号：</translation>
    </message>
    <message>
        <source>Who signs a report to the higher court</source>
        <translation>报送上级法院的专题报告的签发人</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签发人：</translation>
    </message>
    <message>
        <source>The report to the higher court covers every court.</source>
        <translation>专题报告写全部被检查法院的情况。</translation>
    </message>
    <message>
        <source>Only a report to the higher court.</source>
        <translation>只有报送上级法院的专题报告需要签发人。</translation>
    </message>
    <message>
        <source>Writing reports</source>
        <translation>正在生成报表</translation>
    </message>
    <message>
        <source>Export reports</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Reporting unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <source>Save to folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Excel ledger (xlsx)</source>
        <translation>Excel台账 (xlsx)</translation>
    </message>
    <message>
        <source>Word report (docx)</source>
        <translation>Word报告 (docx)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV tables</source>
        <translation>CSV统计表</translation>
    </message>
    <message>
        <source>The totals in every file are taken from the ledger at the same moment.</source>
        <translation>各文件中的数字取自同一时刻的台账，彼此一致。</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>In the folder: {0}</source>
        <translation>所在文件夹：{0}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>ReviewsPage</name>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未评查</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已评查</translation>
    </message>
    <message>
        <source>Sampled</source>
        <translation>已抽中</translation>
    </message>
    <message>
        <source>Sampled for me</source>
        <translation>分配给我的</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Delete the review (review again)…</source>
        <translation>删除评查（重新评查）…</translation>
    </message>
    <message>
        <source>{0} cases</source>
        <translation>共 {0} 件案件</translation>
    </message>
    <message>
        <source>Judge: {0}</source>
        <translation>承办人：{0}</translation>
    </message>
    <message>
        <source>Saved review: {0}</source>
        <translation>已保存的评查结论：{0}</translation>
    </message>
    <message>
        <source>Not saved yet — answers are prefilled from the automatic checks.</source>
        <translation>尚未保存——结论已按自动判断预填，请核对后保存。</translation>
    </message>
    <message>
        <source>A saved review keeps its checklist.</source>
        <translation>已保存的评查不能更换评查表。</translation>
    </message>
    <message>
        <source>(changed, not saved)</source>
        <translation>（已修改，未保存）</translation>
    </message>
    <message>
        <source>Tick the 不符合 items that should become problems.</source>
        <translation>请勾选要生成问题的“不符合”评查项。</translation>
    </message>
    <message>
        <source>The review of case {0}</source>
        <translation>案件{0}的评查</translation>
    </message>
    <message>
        <source>Cannot save review</source>
        <translation>无法保存评查</translation>
    </message>
    <message>
        <source>Create problems</source>
        <extracomment>the case list&apos;s columns in the order shown: what the reviewer looks for first</extracomment>
        <translation>生成问题</translation>
    </message>
    <message>
        <source>{0} items are ticked. Make one problem of them, or one each?</source>
        <translation>已勾选 {0} 个评查项。合并为一个问题，还是每项生成一个问题？</translation>
    </message>
    <message>
        <source>One problem</source>
        <translation>合并为一个问题</translation>
    </message>
    <message>
        <source>One problem per item</source>
        <translation>每项一个问题</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reviewer&apos;s opinion:</source>
        <extracomment>the record types the page shows: it refreshes when an op changes one</extracomment>
        <translation>评查意见：</translation>
    </message>
    <message>
        <source>Only items answered {0} become problems.</source>
        <translation>只有结论为“{0}”的评查项才能生成问题。</translation>
    </message>
    <message>
        <source>{0} problem(s) made from the review of {1}.</source>
        <translation>已根据{1}的评查生成 {0} 个问题。</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>修改案件信息</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Closing method:</source>
        <translation>结案方式：</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评查</translation>
    </message>
    <message>
        <source>Reviewer&apos;s opinion on the case</source>
        <translation>评查意见</translation>
    </message>
    <message>
        <source>Create problems from the ticked items…</source>
        <translation>将勾选的不符合项生成问题…</translation>
    </message>
    <message>
        <source>Select a case on the left.</source>
        <translation>请在左侧选择案件。</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>评查表：</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>保存评查</translation>
    </message>
</context>
<context>
    <name>SamplingDialog</name>
    <message>
        <source>(no strata)</source>
        <translation>（不分层）</translation>
    </message>
    <message>
        <source>All closing methods</source>
        <translation>全部结案方式</translation>
    </message>
    <message>
        <source> (seed {0})</source>
        <translation>（随机种子 {0}）</translation>
    </message>
    <message>
        <source>Export sample list</source>
        <translation>导出抽样清单</translation>
    </message>
    <message>
        <source>The sample list was saved as {0}.</source>
        <translation>抽样清单已保存为 {0}。</translation>
    </message>
    <message>
        <source>Sample cases for review</source>
        <translation>随机抽取评查案件</translation>
    </message>
    <message>
        <source>By ratio</source>
        <translation>按比例</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>By count</source>
        <translation>按数量</translation>
    </message>
    <message>
        <source> 件</source>
        <translation> 件</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>换一个种子</translation>
    </message>
    <message>
        <source>Stratify by</source>
        <translation>分层依据</translation>
    </message>
    <message>
        <source>Closing method</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Leave out cases already reviewed</source>
        <translation>排除已评查的案件</translation>
    </message>
    <message>
        <source>Share the sample among:</source>
        <translation>分配给以下评查人：</translation>
    </message>
    <message>
        <source>Draw sample</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Export sample list…</source>
        <translation>导出抽样清单…</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search: {0}</source>
        <translation>搜索：{0}</translation>
    </message>
    <message>
        <source>{0} results for “{1}”</source>
        <translation>“{1}”共找到 {0} 条结果</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Where the text appears</source>
        <translation>匹配内容</translation>
    </message>
</context>
<context>
    <name>SecurityActions</name>
    <message>
        <source>The password was changed. The old password opens nothing now.</source>
        <extracomment>the window (also a QWidget: the parent of the dialogs the actions open)</extracomment>
        <translation>密码已修改。原密码现在打不开任何内容。</translation>
    </message>
    <message>
        <source>Escrow the key</source>
        <translation>托管密钥</translation>
    </message>
    <message>
        <source>A copy of the workspace key, readable only on %1&apos;s laptop, is now in the key file. If you forget the password, the leader can set a new one.</source>
        <translation>密钥文件中已加入一份只有%1的电脑能解开的工作区密钥副本。忘记密码时，可由组长重设密码。</translation>
    </message>
    <message>
        <source>Restored. The state before restoring was saved as %1.</source>
        <translation>已恢复。恢复前的状态另存为 %1。</translation>
    </message>
    <message>
        <source>Check workspace</source>
        <translation>检查工作区</translation>
    </message>
    <message>
        <source>The workspace is intact: every page and the structure check out, and the change history of %1 laptops (%2 changes) is unbroken and signed.</source>
        <translation>工作区完好：每一页和数据结构检查通过，%1台电脑的修改记录（%2条）完整且均有签名。</translation>
    </message>
</context>
<context>
    <name>SystemCheckDialog</name>
    <message>
        <source>System check</source>
        <translation>系统检查</translation>
    </message>
    <message>
        <source>Every automatic rule on every case of the workspace, sampled or not, as of the check date.</source>
        <translation>截至检查日期，对工作区全部案件（不限于抽样案件）逐项运行自动检查规则。</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>检查截止日期：</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>Make problems of the chosen failures</source>
        <translation>将选中的不符合项生成问题</translation>
    </message>
    <message>
        <source>Choose courts and rules in the lower list first.</source>
        <translation>请先在下方列表中选择法院和检查项。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Checking every case</source>
        <translation>正在检查全部案件</translation>
    </message>
    <message>
        <source>{0} cases checked as of {1}: {2} failures of {3} rules.</source>
        <translation>截至{1}检查案件{0}件：{3}个检查项共{2}处不符合。</translation>
    </message>
    <message>
        <source>{0} problems recorded, one per court and rule (found by: {1}).</source>
        <translation>已按法院和检查项生成问题{0}个（发现方式：{1}）。</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source> days</source>
        <extracomment>the record types the page shows: it refreshes when an op changes one</extracomment>
        <translation> 天</translation>
    </message>
    <message>
        <source>The feedback asks each court for its rectification plan this many days after its date.</source>
        <translation>反馈意见要求被检查法院自反馈之日起在此天数内报送整改方案。</translation>
    </message>
    <message>
        <source>Plan due within</source>
        <translation>整改方案报送期限</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>The feedback asks each court for its rectification report this many months after its date.</source>
        <translation>反馈意见要求被检查法院自反馈之日起在此月数内报送整改情况报告。</translation>
    </message>
    <message>
        <source>Report due within</source>
        <translation>整改报告报送期限</translation>
    </message>
    <message>
        <source>Follows up</source>
        <translation>回头看的原巡查</translation>
    </message>
    <message>
        <source>New follow-up…</source>
        <translation>新建回头看…</translation>
    </message>
    <message>
        <source>Load the State Council&apos;s notice…</source>
        <extracomment>the leader&apos;s buttons, with what their tooltips say to the leader</extracomment>
        <translation>载入国务院节假日通知…</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Only the team leader changes roles, revokes laptops and deletes the campaign.</source>
        <translation>只有组长可以调整角色、吊销电脑和删除巡查活动。</translation>
    </message>
    <message>
        <source>A follow-up inspection of a campaign: it re-checks the items it closed and follows up the ones still open.</source>
        <translation>对巡查活动开展回头看：复查已销号的事项，跟踪尚未销号的事项。</translation>
    </message>
    <message>
        <source>Only the team leader creates a follow-up inspection.</source>
        <translation>只有组长可以新建回头看。</translation>
    </message>
    <message>
        <source>(no parent court)</source>
        <translation>（无上级法院）</translation>
    </message>
    <message>
        <source>The campaign</source>
        <translation>巡查活动</translation>
    </message>
    <message>
        <source>the campaign</source>
        <translation>巡查活动</translation>
    </message>
    <message>
        <source>the court being added</source>
        <translation>正在添加的法院</translation>
    </message>
    <message>
        <source>the member being added</source>
        <translation>正在添加的组员</translation>
    </message>
    <message>
        <source>Team and settings ({0})</source>
        <translation>团队与设置（{0}）</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>巡查活动</translation>
    </message>
    <message>
        <source>Edit campaign</source>
        <translation>修改巡查活动</translation>
    </message>
    <message>
        <source>Follow-up “{0}” created. Choose it above to edit it; the ledger page shows what it re-checks and carries over.</source>
        <translation>已新建回头看“{0}”。在上方选择该巡查活动可修改其信息；整改台账页面可查看需复查和延续整改的事项。</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>组员</translation>
    </message>
    <message>
        <source>Edit court</source>
        <translation>修改法院</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>修改组员</translation>
    </message>
    <message>
        <source>Revoke laptop</source>
        <translation>注销电脑</translation>
    </message>
    <message>
        <source>Select the member whose laptop was lost.</source>
        <translation>请先选中丢失电脑的组员。</translation>
    </message>
    <message>
        <source>Revoke {0}&apos;s laptop? Everything it sends from now on is refused, here and on every laptop that receives the new roster; what it sent before stays. This cannot be undone: a new laptop needs a new identity card.</source>
        <translation>确定注销{0}的电脑吗？从现在起它发来的一切都将被拒绝（本机和收到新名册的每台电脑都如此），此前发来的内容保留。注销不能撤回：换用新电脑需要重新提交身份卡。</translation>
    </message>
    <message>
        <source>{0}&apos;s laptop is revoked and a new roster is signed. It reaches the members with your next package; you can also export the roster now.</source>
        <translation>已注销{0}的电脑并签发新版名册。新名册随您下一次导出的台账包送达各组员，也可以现在单独导出名册。</translation>
    </message>
    <message>
        <source>Loaded: {0}. Deadlines in that year are no longer provisional.</source>
        <translation>已载入：{0}。该年的期限不再是暂定。</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Saved. Years with your own holiday list: {0}</source>
        <translation>已保存。已自行导入节假日安排的年度：{0}</translation>
    </message>
    <message>
        <source>Saved. The language changes the next time the app starts.</source>
        <translation>已保存，下次启动时切换界面语言。</translation>
    </message>
    <message>
        <source>Restart the app now in the chosen language? Unsaved changes are asked about first.</source>
        <translation>现在以所选语言重新启动应用吗？未保存的修改会先询问。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Issuing court</source>
        <translation>发文法院</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <source>云高法〔2026〕58号</source>
        <translation>云高法〔2026〕58号</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Report deadline</source>
        <translation>报告期限</translation>
    </message>
    <message>
        <source>Delete campaign…</source>
        <translation>删除巡查活动…</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>保存巡查活动</translation>
    </message>
    <message>
        <source>Courts</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Court name</source>
        <translation>法院名称</translation>
    </message>
    <message>
        <source>Code, e.g. 云0102</source>
        <translation>代字，如 云0102</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add court</source>
        <translation>添加法院</translation>
    </message>
    <message>
        <source>Members and roles</source>
        <translation>组员与角色</translation>
    </message>
    <message>
        <source>This laptop is used by:</source>
        <translation>本机使用者：</translation>
    </message>
    <message>
        <source>Fixed by this laptop&apos;s identity keys: the laptop acts only as its own member</source>
        <translation>由本机的身份密钥确定：本机只能以其使用者的身份操作</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加组员</translation>
    </message>
    <message>
        <source>Change role of selected</source>
        <translation>修改所选组员角色</translation>
    </message>
    <message>
        <source>A lost or stolen laptop: refuse everything it sends from now on; what it sent before stays</source>
        <translation>电脑丢失或被盗时使用：拒绝它今后发来的一切，此前发来的内容保留</translation>
    </message>
    <message>
        <source>Revoke lost laptop…</source>
        <translation>挂失注销电脑…</translation>
    </message>
    <message>
        <source>When next year&apos;s holidays are announced before the app knows them, enter them here, one day or range per line: 2027-01-01 休 元旦 / 2027-02-06..2027-02-13 休 春节 / 2027-02-14 班 调休.</source>
        <translation>新年度节假日安排公布后、软件尚未更新时，可在此录入，每行一天或一个区间，例如：2027-01-01 休 元旦 / 2027-02-06..2027-02-13 休 春节 / 2027-02-14 班 调休。</translation>
    </message>
    <message>
        <source>Save holidays</source>
        <translation>保存节假日安排</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>The language changes the next time the app starts.</source>
        <translation>界面语言将在下次启动时切换。</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Check the fingerprint</source>
        <translation>核对密钥指纹</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one on {0}&apos;s laptop (Packages → Export identity card shows it), in person or by phone. Trust it only if every character matches.</source>
        <translation>请当面或电话与{0}电脑上显示的指纹核对（台账包 → 导出身份卡时显示）。每个字符都一致才能信任。</translation>
    </message>
    <message>
        <source>This roster is signed by the leader {0}. Compare the leader&apos;s fingerprint with the one the leader reads to you. Trust it only if every character matches.</source>
        <translation>该名册由组长{0}签发。请与组长念给您的指纹核对。每个字符都一致才能信任。</translation>
    </message>
    <message>
        <source>Whose:</source>
        <translation>持有人：</translation>
    </message>
    <message>
        <source>Laptop:</source>
        <translation>电脑：</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>密钥指纹：</translation>
    </message>
    <message>
        <source>Roster:</source>
        <translation>名册：</translation>
    </message>
    <message>
        <source>version {0}, {1} laptops</source>
        <translation>第 {0} 版，{1} 台电脑</translation>
    </message>
    <message>
        <source>Liaison of:</source>
        <translation>所属法院：</translation>
    </message>
    <message>
        <source>An inspected court&apos;s liaison: trusted for this court only. Its laptop receives only this court&apos;s rectification package.</source>
        <translation>被检查法院联络员：只在该院范围内信任，其电脑只接收该院的整改包。</translation>
    </message>
    <message>
        <source>{0}, already on the member list</source>
        <translation>组员名单中的{0}</translation>
    </message>
    <message>
        <source>A new member (not on the list yet)</source>
        <translation>新组员（名单中尚无）</translation>
    </message>
    <message>
        <source>This is:</source>
        <translation>对应组员：</translation>
    </message>
    <message>
        <source>一致 — trust it</source>
        <translation>一致，信任</translation>
    </message>
    <message>
        <source>不一致 — trust nothing</source>
        <translation>不一致，不信任</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>{0} has changes that are not saved.</source>
        <translation>{0}有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>是否先保存？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close {0} without saving what was typed?</source>
        <translation>不保存已填写的内容，关闭“{0}”？</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>不保存并关闭</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <source>Open workspace</source>
        <extracomment>the window (also a QWidget: the parent of the dialogs the actions open)</extracomment>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Workspaces (*.ledger);;All files (*)</source>
        <translation>工作区 (*.ledger);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Cannot create workspace</source>
        <translation>无法新建工作区</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>The workspace and you</source>
        <translation>工作区与使用人</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>请填写您的姓名。</translation>
    </message>
    <message>
        <source>That file exists already.</source>
        <translation>该文件已存在。</translation>
    </message>
    <message>
        <source>The password needs at least 6 characters.</source>
        <translation>密码至少需要6个字符。</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Inspection Ledger</source>
        <translation>巡查台账</translation>
    </message>
    <message>
        <source>Preparing the demo workspace for the first run…</source>
        <translation>首次运行，正在准备演示工作区…</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
</context>
</TS>
