-- Fields the rules of the seeds need. Columns only: old revisions simply lack these fields.
-- Every network query of a case (the 终本 check asks whether any fell within the three months
-- before closing; periodic re-checks after closing must not hide it): a JSON list of ISO dates.
ALTER TABLE cases ADD COLUMN network_query_dates TEXT;
-- What a 一案双查 complaint alleges (a JSON list: 执行行为违法或不规范 / 执行干警违规违法违纪),
-- which decides who leads the feedback (2019 rules, Art. 10).
ALTER TABLE leads ADD COLUMN alleges TEXT;
-- A sample's population and draw per stratum: a JSON list of {stratum, population, drawn}.
ALTER TABLE samplings ADD COLUMN strata TEXT;
-- Nodes of the 2021 opinions' items 23, 27 and 30: lifting a consumption restriction after a
-- guarantee or the applicant's consent; disputes between courts coordinated by the higher
-- court; petitions entered and closed in the petition system.
ALTER TABLE cases ADD COLUMN guarantee_date TEXT;
ALTER TABLE cases ADD COLUMN consent_date TEXT;
ALTER TABLE cases ADD COLUMN dispute_report_date TEXT;
ALTER TABLE cases ADD COLUMN dispute_plan_date TEXT;
ALTER TABLE cases ADD COLUMN dispute_done_date TEXT;
ALTER TABLE cases ADD COLUMN petition_received_date TEXT;
ALTER TABLE cases ADD COLUMN petition_entered_date TEXT;
ALTER TABLE cases ADD COLUMN petition_closed_date TEXT;
-- The document confirming a case closed as 执行完毕 (执行完毕笔录, 说明 or 结案通知书; the Yunnan
-- plan 二（三）1 requires one on file).
ALTER TABLE cases ADD COLUMN completion_doc_date TEXT;
