-- National weekly counts, cached (SPEC §5, §8). Computing a national week from the registrations
-- takes ~50 ms per 300 000 persons at an epidemic peak (measured), i.e. around a second for all of
-- Norway; FHI's overview reads this row instead and recomputes it when it is older than a few
-- minutes. Submitted reports are never cached: they are frozen in weekly_reports.
CREATE TABLE weekly_report_cache (
  week         text PRIMARY KEY CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
  -- The rows of weekly_report_counts(week, all municipalities), as the app reads them.
  counts       jsonb NOT NULL,
  computed_at  timestamptz NOT NULL DEFAULT now()
);
-- Every municipality's counts: only national transactions (no active municipality) see them.
ALTER TABLE weekly_report_cache ENABLE ROW LEVEL SECURITY;
CREATE POLICY weekly_report_cache_national ON weekly_report_cache
  USING (app_kommune() = '-') WITH CHECK (app_kommune() = '-');
