-- Return counselling: query tables built from the counselling events, for
-- finding a person's case, listing a case's entries and a week's
-- appointments, and counting for statistics. Non-personal columns only:
-- IDs, dates, the step, a country code and amounts. Notes, summaries,
-- questions and places stay in field_values like every other value.

CREATE TABLE counselling_cases (
	id        TEXT PRIMARY KEY,
	person_id TEXT NOT NULL,          -- the person the case was opened from
	step      TEXT NOT NULL DEFAULT '',
	country   TEXT NOT NULL DEFAULT '', -- return country, ISO 3166-1 alpha-2
	opened    TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD
	departed  TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD of departure and payment
	granted   INTEGER NOT NULL DEFAULT 0 -- CHF paid out
) WITHOUT ROWID;
CREATE INDEX counselling_cases_person ON counselling_cases (person_id);

-- Step changes, notes, consultations, questions and appointments of a
-- case. at sorts as time (YYYY-MM-DD or YYYY-MM-DDTHH:MM); counsellor is
-- a staff ID.
CREATE TABLE counselling_items (
	id         TEXT PRIMARY KEY,
	case_id    TEXT NOT NULL,
	kind       TEXT NOT NULL, -- the entity type
	at         TEXT NOT NULL DEFAULT '',
	counsellor TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX counselling_items_case ON counselling_items (case_id, kind, at);
CREATE INDEX counselling_items_at ON counselling_items (kind, at);
