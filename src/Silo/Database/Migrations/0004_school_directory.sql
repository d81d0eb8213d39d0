-- The school directory, queryable outside the grains (listing, search, exports).
-- The UAI is stored upper-cased so that one school has one row whatever the caller typed.
CREATE TABLE schools (
    uai            text        NOT NULL,
    name           text        NOT NULL,
    email          text        NULL,
    postal_code    text        NULL,
    city           text        NULL,
    public_private text        NULL,
    archived       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT schools_pkey PRIMARY KEY (uai),
    CONSTRAINT schools_uai_upper_case CHECK (uai = upper(uai))
);

-- Listings page through the schools still in service by UAI; the primary key alone would also
-- walk every archived school.
CREATE INDEX schools_active_by_uai ON schools (uai) WHERE NOT archived;
