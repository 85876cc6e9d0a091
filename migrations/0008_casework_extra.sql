-- Indexes for the case list, worklists and flag queue (SPEC §3.7, §8: p95 < 100 ms on 5 million
-- persons). Every list is keyset-paged on (sort key, id) within one municipality, so each index
-- leads with kommune and ends with the keyset columns in the list's order.

-- Case list sorted by test date, newest first with undated (probable) cases last.
CREATE INDEX cases_kommune_test_date_sort_idx ON cases (kommune, test_date DESC NULLS LAST, id DESC);

-- Worklists "unassigned cases" and "interviews not done": small slices of the open cases.
CREATE INDEX cases_open_unassigned_idx ON cases (kommune, created_at DESC, id DESC)
  WHERE status = 'open' AND assigned_to IS NULL;
CREATE INDEX cases_open_interview_idx ON cases (kommune, created_at DESC, id DESC)
  WHERE status = 'open' AND interview_status <> 'done';

-- Worklist "contacts not yet notified".
CREATE INDEX contacts_not_notified_idx ON contacts (kommune, created_at DESC, id DESC)
  WHERE status = 'active' AND notified_at IS NULL;

-- Case search by the second phone number (the first has persons_phone_idx).
CREATE INDEX persons_phone2_idx ON persons (phone2) WHERE phone2 IS NOT NULL;

-- The Administrator's flag queue, keyset-paged newest first.
CREATE INDEX flags_kommune_created_idx ON flags (kommune, created_at DESC, id DESC);
