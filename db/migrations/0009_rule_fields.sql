-- Fields the rules of the seeds need. Columns only: old revisions simply lack these fields.
-- Every network query of a case (the 终本 check asks whether any fell within the three months
-- before closing; periodic re-checks after closing must not hide it): a JSON list of ISO dates.
ALTER TABLE cases ADD COLUMN network_query_dates TEXT;
-- What a 一案双查 complaint alleges (a JSON list: 执行行为违法或不规范 / 执行干警违规违法违纪),
-- which decides who leads the feedback (2019 rules, Art. 10).
ALTER TABLE leads ADD COLUMN alleges TEXT;
-- A sample's population and draw per stratum: a JSON list of {stratum, population, drawn}.
ALTER TABLE samplings ADD COLUMN strata TEXT;
