-- Pix Junior: the code each school gives its pupils, and the pupils' progress in missions.
-- The school grain is the only writer of its school's rows; Pix Junior reads codes and classes
-- through these tables' indexes.

-- One code per school, unique nationwide. Regenerating replaces the row's code: the previous one
-- is gone at once. A random code that collides with another school's hits the primary key and
-- the writer draws again.
CREATE TABLE school_codes (
    code       text        NOT NULL,
    school_uai text        NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT school_codes_pkey PRIMARY KEY (code),
    CONSTRAINT school_codes_school UNIQUE (school_uai)
);

-- A pupil's current progress in a mission. Rows of pupils deactivated by an import stay (and show
-- again if a later import re-activates them): reads join students and keep the active ones.
CREATE TABLE mission_progress (
    pupil_id      uuid        NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    mission_id    text        NOT NULL,
    school_uai    text        NOT NULL,
    state         text        NOT NULL,
    reached_step  integer     NOT NULL DEFAULT 0,
    success_level text        NULL,
    started_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    last_event_id text        NOT NULL,
    CONSTRAINT mission_progress_pkey PRIMARY KEY (pupil_id, mission_id),
    CONSTRAINT mission_progress_state CHECK (state IN ('STARTED', 'COMPLETED')),
    CONSTRAINT mission_progress_success_level
        CHECK (success_level IS NULL OR success_level IN ('NOT_REACHED', 'PARTIALLY_REACHED', 'REACHED', 'EXCEEDED'))
);

-- «Commencé par» and the mission page: one school, one mission.
CREATE INDEX mission_progress_by_school ON mission_progress (school_uai, mission_id);

-- Every event Pix Junior reported, by its id: a retried event finds its first delivery here and
-- changes nothing; the same id with other content is refused.
CREATE TABLE mission_progress_events (
    event_id      text        NOT NULL,
    pupil_id      uuid        NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    mission_id    text        NOT NULL,
    state         text        NOT NULL,
    reached_step  integer     NOT NULL,
    success_level text        NULL,
    recorded_at   timestamptz NOT NULL,
    CONSTRAINT mission_progress_events_pkey PRIMARY KEY (event_id)
);

CREATE INDEX mission_progress_events_by_pupil ON mission_progress_events (pupil_id);
