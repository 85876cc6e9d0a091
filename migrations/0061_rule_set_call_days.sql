-- Issue 18: the follow-up call days (offsets from the measure's start, day 0) per measure kind
-- belong to the national rule set with its validity dates, like the durations. Null: the
-- municipality's schedule settings apply (1, 3, 7 and the last day by default).
ALTER TABLE rule_sets ADD COLUMN quarantine_call_days integer[];
ALTER TABLE rule_sets ADD COLUMN isolation_call_days integer[];
ALTER TABLE rule_sets ADD CONSTRAINT rule_sets_quarantine_call_days_check
  CHECK (quarantine_call_days IS NULL OR (quarantine_days IS NOT NULL
    AND 0 <= ALL (quarantine_call_days) AND 60 >= ALL (quarantine_call_days)));
ALTER TABLE rule_sets ADD CONSTRAINT rule_sets_isolation_call_days_check
  CHECK (isolation_call_days IS NULL OR (isolation_days IS NOT NULL
    AND 0 <= ALL (isolation_call_days) AND 60 >= ALL (isolation_call_days)));
