-- The dashboard (src/journal/barometer.rs) counts and sums the incidents by status, platform,
-- category and month, and looks for the deadlines of the open ones, each time it is shown.
-- This index holds every column those queries read, so they scan it (about 100 bytes an
-- incident) instead of the incidents' rows and their texts: on a vault of 10,000 incidents,
-- 2 to 5 ms per aggregate instead of 25 to 40 (`make bench`, journal/barometer_12_months).
-- Its leading column, the status, also serves the open incidents' deadlines.
CREATE INDEX incident_dashboard ON incident (
    status, platform_id, category, occurred_on,
    funds_held_cents, sales_lost_cents, fees_cents,
    measure, reasons_received, notified_on, took_effect_on, decision_on,
    complaint_sent_on, answer_received_on, referral_on, referral_decided_on
) WHERE deleted_at IS NULL;
