-- Issue 18: measures and follow-up calls keep their history. Nothing is deleted: a call no longer
-- wanted (measure cancelled, exempted, converted or its dates moved) becomes 'cancelled' with a
-- reason; a call made without reaching the person is 'not_reached'. A measure whose exemption
-- took effect is 'exempted' ("unntatt"). Calls planned for a day that had already passed when
-- they were planned are marked `late` ("etterregistrert").

-- ---------------------------------------------------------------- calls
ALTER TABLE followup_calls DROP CONSTRAINT followup_calls_status_check;
ALTER TABLE followup_calls DROP CONSTRAINT followup_calls_check;
ALTER TABLE followup_calls ADD COLUMN late boolean NOT NULL DEFAULT false;
ALTER TABLE followup_calls ADD COLUMN cancelled_at timestamptz;
ALTER TABLE followup_calls ADD COLUMN cancel_reason text;
UPDATE followup_calls SET status = 'not_reached' WHERE status = 'done' AND reached = false;
ALTER TABLE followup_calls ADD CONSTRAINT followup_calls_status_check
  CHECK (status IN ('planned', 'done', 'not_reached', 'cancelled'));
ALTER TABLE followup_calls ADD CONSTRAINT followup_calls_done_check
  CHECK ((status IN ('done', 'not_reached')) = (done_at IS NOT NULL AND reached IS NOT NULL));
ALTER TABLE followup_calls ADD CONSTRAINT followup_calls_reached_check
  CHECK (status <> 'not_reached' OR reached = false);
ALTER TABLE followup_calls ADD CONSTRAINT followup_calls_cancel_check
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL));

-- ---------------------------------------------------------------- measures
-- Why the measure ended before its rules' end (e.g. "Ble smittet" when the contact became a
-- case): such a measure is over on its end date whatever the calendar says.
ALTER TABLE measures ADD COLUMN end_reason text;
ALTER TABLE measures DROP CONSTRAINT measures_status_check;
UPDATE measures SET status = 'exempted' WHERE status = 'ended' AND exempt_from IS NOT NULL
  AND exempt_from <= end_date;
ALTER TABLE measures ADD CONSTRAINT measures_status_check
  CHECK (status IN ('planned', 'active', 'ended', 'cancelled', 'exempted'));

ALTER TABLE measure_events DROP CONSTRAINT measure_events_action_check;
ALTER TABLE measure_events ADD CONSTRAINT measure_events_action_check
  CHECK (action IN ('start', 'override', 'extend', 'shorten', 'cancel', 'exempt', 'end',
                    'flag-unreached', 'unflag-unreached', 'recompute', 'convert'));
