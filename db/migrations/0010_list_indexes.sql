-- Indexes for the lists at province scale (36,000 cases): the case list reads its live
-- records in 案号 order from a covering index (also by closing method), and the 评查状态 /
-- 抽样 columns and filters find a case's reviews and samples without reading their rows.
CREATE INDEX cases_live_number ON cases (case_number, deleted, id);
CREATE INDEX cases_method_number ON cases (closing_method, case_number, deleted, id);
CREATE INDEX reviews_case_live ON reviews (case_id, deleted, review_date, grade);
CREATE INDEX sample_cases_case_reviewer ON sample_cases (case_id, reviewer_id);
