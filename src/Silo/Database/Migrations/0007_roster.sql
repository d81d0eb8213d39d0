-- The pupils of each school and the history of their ONDE imports. The school grain is their only
-- writer (one transaction per import); these tables exist so that reads, internal services and
-- operations can query pupils with SQL rather than through grain state blobs.
-- Values are stored exactly as imported; CSV exports neutralise spreadsheet formulas.
CREATE TABLE students (
    id             uuid        NOT NULL,
    school_uai     text        NOT NULL,
    ine            text        NOT NULL,
    last_name      text        NOT NULL,
    first_name     text        NOT NULL,
    level          text        NOT NULL,
    class_label    text        NOT NULL,
    birth_date     date        NOT NULL,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    deactivated_at timestamptz NULL,
    CONSTRAINT students_pkey PRIMARY KEY (id),
    -- A pupil is matched on the INE within a school: a re-import updates the row and keeps its id.
    CONSTRAINT students_school_ine UNIQUE (school_uai, ine),
    CONSTRAINT students_level CHECK (level IN ('CM1', 'CM2'))
);

-- FindStudentsByIne looks pupils up across every school.
CREATE INDEX students_by_ine ON students (ine);

-- A school's lists: active pupils, by class.
CREATE INDEX students_by_school_class ON students (school_uai, active, class_label);

CREATE TABLE roster_imports (
    id                      uuid        NOT NULL,
    -- Insertion order: the business clock may stand still or step back, the single writer does not.
    seq                     bigint      GENERATED ALWAYS AS IDENTITY,
    school_uai              text        NOT NULL,
    status                  text        NOT NULL,
    created_at              timestamptz NOT NULL,
    created_by              uuid        NOT NULL,
    decided_at              timestamptz NULL,
    decided_by              uuid        NULL,
    file_name               text        NOT NULL,
    encoding                text        NULL,
    line_count              integer     NOT NULL DEFAULT 0,
    added_count             integer     NOT NULL DEFAULT 0,
    updated_count           integer     NOT NULL DEFAULT 0,
    reactivated_count       integer     NOT NULL DEFAULT 0,
    deactivated_count       integer     NOT NULL DEFAULT 0,
    unchanged_count         integer     NOT NULL DEFAULT 0,
    ignored_duplicate_count integer     NOT NULL DEFAULT 0,
    -- [{"line": 3, "column": "INE", "code": "FIELD_REQUIRED", "message": "Ligne 3 : ..."}]
    errors                  jsonb       NOT NULL DEFAULT '[]',
    content_hash            text        NULL,
    idempotency_key         text        NULL,
    CONSTRAINT roster_imports_pkey PRIMARY KEY (id),
    CONSTRAINT roster_imports_status CHECK (status IN ('IMPORTED', 'VALIDATION_ERROR', 'AWAITING_CONFIRMATION', 'CANCELLED', 'UNCHANGED'))
);

-- History pages and the last import of a school.
CREATE INDEX roster_imports_by_school ON roster_imports (school_uai, created_at DESC, seq DESC);

-- A retried upload carries the same key and must find the first one's import.
CREATE UNIQUE INDEX roster_imports_idempotency ON roster_imports (school_uai, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
