<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Terms</name>
    <message>
        <source>一案双查</source>
        <translation>One case, two checks</translation>
    </message>
    <message>
        <source>一案双查线索</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>上级法院</source>
        <translation>Court above</translation>
    </message>
    <message>
        <source>上级法院直接派员调查</source>
        <translation>The higher court investigates directly</translation>
    </message>
    <message>
        <source>不予执行</source>
        <translation>Not enforced</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Unsound</translation>
    </message>
    <message>
        <source>不启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>不符合</source>
        <translation>Fails</translation>
    </message>
    <message>
        <source>不落实上级法院决定</source>
        <translation>Higher court's decisions not carried out</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>专项巡查</source>
        <translation>Special inspection</translation>
    </message>
    <message>
        <source>专项整治</source>
        <translation>Special rectification</translation>
    </message>
    <message>
        <source>严重</source>
        <translation>Grave</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>中院</source>
        <translation>Intermediate court</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>乱执行</source>
        <translation>Arbitrary enforcement</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>交办日期</source>
        <translation>Assigned on</translation>
    </message>
    <message>
        <source>人大代表、政协委员及其他党政机关反映或转交</source>
        <translation>From deputies, CPPCC members or other organs</translation>
    </message>
    <message>
        <source>人民群众来信来访</source>
        <translation>Letters and visits from the public</translation>
    </message>
    <message>
        <source>代字</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>会议日期</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>作风不正</source>
        <translation>Improper conduct</translation>
    </message>
    <message>
        <source>例证案号</source>
        <translation>Example cases</translation>
    </message>
    <message>
        <source>信访办理不及时</source>
        <translation>Late handling of petitions</translation>
    </message>
    <message>
        <source>关联记录</source>
        <translation>Linked records</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>其他方式</source>
        <translation>Other method</translation>
    </message>
    <message>
        <source>其他途径</source>
        <translation>Other source</translation>
    </message>
    <message>
        <source>内部谈话</source>
        <translation>Internal talk</translation>
    </message>
    <message>
        <source>冷横硬推</source>
        <translation>Cold, rude or dismissive</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>By</translation>
    </message>
    <message>
        <source>办理阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>卷宗粗糙</source>
        <translation>Sloppy case files</translation>
    </message>
    <message>
        <source>参会部门和人员</source>
        <translation>Departments and people present</translation>
    </message>
    <message>
        <source>反映的问题</source>
        <translation>What it alleges</translation>
    </message>
    <message>
        <source>反映问题不实</source>
        <translation>Complaint unfounded</translation>
    </message>
    <message>
        <source>反映问题不实的，明确告知反映人，并在一定范围内予以澄清（第十一条）。</source>
        <translation>Where the complaint is unfounded, tell the complainant and clear the officer within a suitable circle (Art. 11).</translation>
    </message>
    <message>
        <source>反馈情况</source>
        <translation>Feedback given</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Feedback date</translation>
    </message>
    <message>
        <source>发现人</source>
        <translation>Finder</translation>
    </message>
    <message>
        <source>发现方式</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>司法巡查</source>
        <translation>Judicial inspection</translation>
    </message>
    <message>
        <source>司法巡查或审务督察中发现</source>
        <translation>Found in judicial inspection or supervision</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Sound</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>后续情况</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>后续日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>向当事人或信访人反馈：反映执行行为问题的以执行机构为主，反映干警违纪的以监察机构为主（第十条）。</source>
        <translation>Feedback to the party or petitioner: led by the enforcement division for complaints about enforcement, by the discipline office for complaints about officers (Art. 10).</translation>
    </message>
    <message>
        <source>听取当事人意见</source>
        <translation>Parties heard</translation>
    </message>
    <message>
        <source>听取汇报</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>启动</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>回头看</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>回头看复查：复发，另立问题</source>
        <translation>Follow-up re-check: recurred, new problem</translation>
    </message>
    <message>
        <source>回头看复查：复发，重新整改</source>
        <translation>Follow-up re-check: recurred, reopened</translation>
    </message>
    <message>
        <source>回头看复查：巩固</source>
        <translation>Follow-up re-check: held</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>基层</source>
        <translation>Basic court</translation>
    </message>
    <message>
        <source>处理意见</source>
        <translation>Proposed handling</translation>
    </message>
    <message>
        <source>复发·另立问题</source>
        <translation>Recurred, new problem</translation>
    </message>
    <message>
        <source>复发·重新整改</source>
        <translation>Recurred, reopened</translation>
    </message>
    <message>
        <source>复发率</source>
        <translation>Recurrence rate</translation>
    </message>
    <message>
        <source>复发问题</source>
        <translation>Recurrence</translation>
    </message>
    <message>
        <source>复发问题数</source>
        <translation>Problems recurred</translation>
    </message>
    <message>
        <source>复查巩固</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>复查问题数</source>
        <translation>Problems re-checked</translation>
    </message>
    <message>
        <source>失信限高纠错不及时</source>
        <translation>Late correction of blacklist or spending limits</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>实施单位或人员</source>
        <translation>By</translation>
    </message>
    <message>
        <source>实际执行到位率</source>
        <translation>Paid rate</translation>
    </message>
    <message>
        <source>审务督察</source>
        <translation>Court affairs supervision</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Whom</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>将要变更</source>
        <translation>What changes</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>巡查活动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已采纳</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>座谈</source>
        <translation>Group talk</translation>
    </message>
    <message>
        <source>座谈走访</source>
        <translation>Interviews and visits</translation>
    </message>
    <message>
        <source>庸懒散奢</source>
        <translation>Mediocre, lazy, lax or extravagant</translation>
    </message>
    <message>
        <source>延续整改</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <source>开始整改</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>待交办</source>
        <translation>To assign</translation>
    </message>
    <message>
        <source>待反馈</source>
        <translation>Awaiting feedback</translation>
    </message>
    <message>
        <source>待复查</source>
        <translation>To re-check</translation>
    </message>
    <message>
        <source>待审定</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>To rectify</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>待核查</source>
        <translation>Awaiting check</translation>
    </message>
    <message>
        <source>待核查逾期</source>
        <translation>Overdue, awaiting check</translation>
    </message>
    <message>
        <source>待研判</source>
        <translation>To assess</translation>
    </message>
    <message>
        <source>待结论</source>
        <translation>Awaiting conclusion</translation>
    </message>
    <message>
        <source>截留挪用案款</source>
        <translation>Withholding or misusing case money</translation>
    </message>
    <message>
        <source>所涉法院</source>
        <translation>Court concerned</translation>
    </message>
    <message>
        <source>执行不廉</source>
        <translation>Corrupt enforcement</translation>
    </message>
    <message>
        <source>执行争议协调不及时</source>
        <translation>Late coordination of disputes between courts</translation>
    </message>
    <message>
        <source>执行争议协调与信访办理期限评查表</source>
        <translation>Checklist: disputes between courts and petitions</translation>
    </message>
    <message>
        <source>执行人员配备不达标</source>
        <translation>Understaffed enforcement</translation>
    </message>
    <message>
        <source>执行复议、协调、监督等案件中发现</source>
        <translation>Found in review, coordination or supervision cases</translation>
    </message>
    <message>
        <source>执行完毕</source>
        <translation>Fully enforced</translation>
    </message>
    <message>
        <source>执行完毕案件评查表</source>
        <translation>Checklist: fully enforced cases</translation>
    </message>
    <message>
        <source>执行干警违规违法违纪</source>
        <translation>Officer's misconduct</translation>
    </message>
    <message>
        <source>执行指挥中心运行管理中发现</source>
        <translation>Found by the enforcement command centre</translation>
    </message>
    <message>
        <source>执行措施未穷尽</source>
        <translation>Measures not exhausted</translation>
    </message>
    <message>
        <source>执行机构</source>
        <translation>Enforcement division</translation>
    </message>
    <message>
        <source>执行机构和监察机构召开联席会议，研判是否启动“一案双查”。</source>
        <translation>The enforcement division and the discipline office meet jointly to decide whether to start a one-case-two-checks investigation.</translation>
    </message>
    <message>
        <source>执行标的额</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <source>执行监督纠正</source>
        <translation>Corrected by supervision</translation>
    </message>
    <message>
        <source>执行节点期限评查表</source>
        <translation>Enforcement node deadline checklist</translation>
    </message>
    <message>
        <source>执行行为违法或不规范</source>
        <translation>Unlawful or irregular enforcement</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Judge</translation>
    </message>
    <message>
        <source>承办法院</source>
        <translation>Court in charge</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>报告期限</source>
        <translation>Report due</translation>
    </message>
    <message>
        <source>抽样</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>抽样记录</source>
        <translation>Samplings</translation>
    </message>
    <message>
        <source>拒绝原因</source>
        <translation>Why rejected</translation>
    </message>
    <message>
        <source>指挥中心职责未落实</source>
        <translation>Command centre duties not carried out</translation>
    </message>
    <message>
        <source>按期整改率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>挑案执行</source>
        <translation>Cherry-picking cases</translation>
    </message>
    <message>
        <source>接待群众态度粗暴</source>
        <translation>Rude to the public</translation>
    </message>
    <message>
        <source>提交核查</source>
        <translation>Submit for checking</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>整改事项</source>
        <translation>Rectification items</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>整改类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>整改记录</source>
        <translation>Item history</translation>
    </message>
    <message>
        <source>整改进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>无法判断</source>
        <translation>Cannot tell</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>明察暗访</source>
        <translation>Open and covert visits</translation>
    </message>
    <message>
        <source>最高法</source>
        <translation>Supreme Court</translation>
    </message>
    <message>
        <source>有令不行</source>
        <translation>Orders not followed</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>未落实“一案一账号”</source>
        <translation>No separate account per case</translation>
    </message>
    <message>
        <source>未评查</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>this laptop</translation>
    </message>
    <message>
        <source>查封案外人财产</source>
        <translation>Seizing third parties' assets</translation>
    </message>
    <message>
        <source>查明事实</source>
        <translation>Facts found</translation>
    </message>
    <message>
        <source>核查人</source>
        <translation>Verifier</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>案件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>案卷评查</source>
        <translation>File review</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>案款发放不及时</source>
        <translation>Late payout of case money</translation>
    </message>
    <message>
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>检察机关检察建议</source>
        <translation>Procuratorate's recommendation</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>What it checks</translation>
    </message>
    <message>
        <source>检查结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>检查项</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>泄露工作秘密</source>
        <translation>Leaking work secrets</translation>
    </message>
    <message>
        <source>法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>消极执行</source>
        <translation>Passive enforcement</translation>
    </message>
    <message>
        <source>涉及人员</source>
        <translation>Officers concerned</translation>
    </message>
    <message>
        <source>涉及干警</source>
        <translation>Officers concerned</translation>
    </message>
    <message>
        <source>涉执行重大突发事件、舆情事件</source>
        <translation>Major incident or public opinion event</translation>
    </message>
    <message>
        <source>滥用查控系统</source>
        <translation>Misuse of the search system</translation>
    </message>
    <message>
        <source>澄清日期</source>
        <translation>Cleared on</translation>
    </message>
    <message>
        <source>澄清范围和方式</source>
        <translation>How and before whom</translation>
    </message>
    <message>
        <source>牵头部门</source>
        <translation>Led by</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>瑕疵</source>
        <translation>Flawed</translation>
    </message>
    <message>
        <source>申报财产未核实</source>
        <translation>Declared assets not verified</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>电话约谈</source>
        <translation>Phone interview</translation>
    </message>
    <message>
        <source>监察机构</source>
        <translation>Discipline office</translation>
    </message>
    <message>
        <source>相关案号</source>
        <translation>Case numbers</translation>
    </message>
    <message>
        <source>督促限期办理</source>
        <translation>Ordered to act by a deadline</translation>
    </message>
    <message>
        <source>督办意见（整改措施）</source>
        <translation>Supervision opinion (the measure)</translation>
    </message>
    <message>
        <source>研判理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>研判结果</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>确定状态</source>
        <translation>Settle state</translation>
    </message>
    <message>
        <source>移送处理情况</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>立案不及时</source>
        <translation>Late case filing</translation>
    </message>
    <message>
        <source>立案日期</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <source>立行立改</source>
        <translation>Immediate</translation>
    </message>
    <message>
        <source>符合</source>
        <translation>Complies</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>系统检查</source>
        <translation>System check</translation>
    </message>
    <message>
        <source>约谈</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>约谈、通报、问责</source>
        <translation>Talk, notice or accountability</translation>
    </message>
    <message>
        <source>线索摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>线索来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>组员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>终本不合规</source>
        <translation>Improper closing without full enforcement</translation>
    </message>
    <message>
        <source>终本合格率</source>
        <translation>Pass rate (ended for now)</translation>
    </message>
    <message>
        <source>终本实质标准评查表</source>
        <translation>Checklist: substantive standards for ending without full enforcement</translation>
    </message>
    <message>
        <source>终本抽查比例</source>
        <translation>Checked (ended for now)</translation>
    </message>
    <message>
        <source>终本案件未定期核查</source>
        <translation>Closed cases not re-checked</translation>
    </message>
    <message>
        <source>终本案件评查表</source>
        <translation>Checklist: cases ended without full enforcement</translation>
    </message>
    <message>
        <source>终本率</source>
        <translation>Ended-for-now rate</translation>
    </message>
    <message>
        <source>终结执行</source>
        <translation>Enforcement terminated</translation>
    </message>
    <message>
        <source>终结本次执行程序</source>
        <translation>Ended for now (no assets found)</translation>
    </message>
    <message>
        <source>结案方式</source>
        <translation>Closing method</translation>
    </message>
    <message>
        <source>结案方式填写不规范</source>
        <translation>Closing method recorded wrongly</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>结论日期</source>
        <translation>Conclusion date</translation>
    </message>
    <message>
        <source>结论说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>网上节点超期</source>
        <translation>Online node overdue</translation>
    </message>
    <message>
        <source>联合调查组采取的调查方式（第六条）；可关联巡查组已有的案卷评查和座谈走访记录。</source>
        <translation>How the joint team investigated (Art. 6); the team's file reviews and interviews can be linked.</translation>
    </message>
    <message>
        <source>联席会议会商形成检查结论（第九条）；“督促限期办理”会在整改台账中生成整改事项。</source>
        <translation>The joint meeting reaches the conclusion (Art. 9); "ordered to act by a deadline" creates a rectification item in the ledger.</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>补充调查</source>
        <translation>Further investigation</translation>
    </message>
    <message>
        <source>补充调查期限</source>
        <translation>Further investigation due</translation>
    </message>
    <message>
        <source>表头</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>被检查法院</source>
        <translation>Inspected court</translation>
    </message>
    <message>
        <source>被检查法院联络员</source>
        <translation>Inspected court liaison</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>访谈对象</source>
        <translation>Interviewees</translation>
    </message>
    <message>
        <source>评查状态</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>评查项</source>
        <translation>Checklist answers</translation>
    </message>
    <message>
        <source>调卷审查</source>
        <translation>File examination</translation>
    </message>
    <message>
        <source>调查中</source>
        <translation>Investigating</translation>
    </message>
    <message>
        <source>调查报告应包含调查经过、查明事实、问题分析和处理意见（第八条）。</source>
        <translation>The report gives the course of the investigation, the facts found, the analysis and the proposed handling (Art. 8).</translation>
    </message>
    <message>
        <source>调查方式</source>
        <translation>Methods</translation>
    </message>
    <message>
        <source>调查经过</source>
        <translation>Course of the investigation</translation>
    </message>
    <message>
        <source>财产处置不规范</source>
        <translation>Irregular asset disposal</translation>
    </message>
    <message>
        <source>财产处置拖延</source>
        <translation>Delayed asset disposal</translation>
    </message>
    <message>
        <source>财产查控不及时</source>
        <translation>Late asset search and control</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>超标的查封</source>
        <translation>Seizure beyond the claim</translation>
    </message>
    <message>
        <source>较重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>违纪行为处分</source>
        <translation>Disciplinary sanction</translation>
    </message>
    <message>
        <source>违规接触当事人</source>
        <translation>Improper contact with parties</translation>
    </message>
    <message>
        <source>违规收受财物</source>
        <translation>Accepting gifts</translation>
    </message>
    <message>
        <source>退回整改</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>选择性执行</source>
        <translation>Selective enforcement</translation>
    </message>
    <message>
        <source>选择性监督</source>
        <translation>Selective supervision</translation>
    </message>
    <message>
        <source>选择性采取措施</source>
        <translation>Selective measures</translation>
    </message>
    <message>
        <source>通报</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>通报、约谈及纳入考评</source>
        <translation>Notice, talk and appraisal</translation>
    </message>
    <message>
        <source>通过执行指挥中心向下级法院交办，并指定上报调查报告的期限（第五条）。</source>
        <translation>Assign it to the lower court through the enforcement command centre, with a deadline for the investigation report (Art. 5).</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close out</translation>
    </message>
    <message>
        <source>销案</source>
        <translation>Case withdrawn</translation>
    </message>
    <message>
        <source>长期坚持</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>问责</source>
        <translation>Accountability</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>问题分析</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>问题子类</source>
        <translation>Subcategory</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>限期办理期限</source>
        <translation>Act by</translation>
    </message>
    <message>
        <source>限期整改</source>
        <translation>By deadline</translation>
    </message>
    <message>
        <source>院领导、执行机构负责人重点督办</source>
        <translation>Supervised by court or enforcement leaders</translation>
    </message>
    <message>
        <source>需要继续调查核实的，责令限期补充调查，或直接派员调查（第八条）。</source>
        <translation>Where more must be checked, order a further investigation by a deadline, or send investigators directly (Art. 8).</translation>
    </message>
    <message>
        <source>驳回申请</source>
        <translation>Application rejected</translation>
    </message>
    <message>
        <source>高院</source>
        <translation>High court</translation>
    </message>
</context>
</TS>
