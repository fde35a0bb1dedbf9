<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</TS>
