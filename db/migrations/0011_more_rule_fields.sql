-- More case dates the rules of the seeds read (the first ones are in 0009, already applied
-- in workspaces: a migration is never changed once released).
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
