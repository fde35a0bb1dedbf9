-- What a rectification plan (整改方案) states for each item beside its measure: the goal it
-- must reach (整改目标) and the contact phone of the person responsible (联系电话); the Excel
-- ledger prints both.
ALTER TABLE rectification_items ADD COLUMN goal TEXT;
ALTER TABLE rectification_items ADD COLUMN phone TEXT;
