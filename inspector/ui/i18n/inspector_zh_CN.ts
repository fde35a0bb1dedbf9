<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>{0} new, {1} already here</source>
        <translation>新增 {0} 条，本机已有 {1} 条</translation>
    </message>
    <message>
        <source>This package was imported before; importing it again changes nothing.</source>
        <translation>该台账包已导入过，再次导入不会有任何更改。</translation>
    </message>
    <message>
        <source>This package brings nothing new.</source>
        <translation>该台账包没有新内容。</translation>
    </message>
    <message>
        <source>Import ledger package</source>
        <translation>导入台账包</translation>
    </message>
    <message>
        <source>Check what this package brings before importing it.</source>
        <translation>导入前请核对该台账包的内容。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送人</translation>
    </message>
    <message>
        <source>Exported at</source>
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
        <source>Changes</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>New conflicts</source>
        <translation>新增冲突</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>&amp;File</source>
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
        <source>No campaign yet</source>
        <translation>尚未建立巡查活动</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>（内存）</translation>
    </message>
    <message>
        <source>Inspection Ledger — {0}</source>
        <translation>巡查台账 — {0}</translation>
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
        <source>Open workspace</source>
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
        <source>Everything (full package)</source>
        <translation>全部内容（全量台账包）</translation>
    </message>
    <message>
        <source>Only what {0} has not received</source>
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
        <source>Exporting ledger package</source>
        <translation>正在导出台账包</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
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
        <source>Cannot import {0}</source>
        <translation>无法导入 {0}</translation>
    </message>
    <message>
        <source>Checking {0}</source>
        <translation>正在核验 {0}</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Importing {0}</source>
        <translation>正在导入 {0}</translation>
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
        <source>{0}&apos;s laptop is now trusted. Fingerprint:
{1}</source>
        <translation>已信任{0}的电脑。密钥指纹：
{1}</translation>
    </message>
    <message>
        <source>Roster version {0} imported. Check the leader&apos;s fingerprint:
{1}</source>
        <translation>已导入第{0}版名册。请与组长核对密钥指纹：
{1}</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名册</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Inspection Ledger</source>
        <translation>巡查台账</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>无法打开工作区</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
