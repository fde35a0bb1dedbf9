-- What a campaign's feedback asks of the courts, counted from the feedback's date: the
-- 整改方案 within so many days, the 整改情况报告 within so many months (30 and 3 when not set).
ALTER TABLE campaigns ADD COLUMN plan_days INTEGER;
ALTER TABLE campaigns ADD COLUMN report_months INTEGER;
