-- What the school grain keeps about its roster besides the pupils: the file the roster was last
-- made from and the import held for confirmation. Written in the same transaction as the pupils
-- and the history row of every command, so it can never disagree with them.
CREATE TABLE school_rosters (
    school_uai        text   NOT NULL,
    -- Raised by one at every command: a second activation of the same school (possible for a
    -- moment after a silo failure) finds its version stale and its whole command rolled back.
    version           bigint NOT NULL,
    -- Content hash of the file the active pupils were last made from: the same file again is
    -- recognised without a diff.
    content_hash      text   NULL,
    held_import_id    uuid   NULL,
    held_content_hash text   NULL,
    -- The pupils of the held import, as the reader produced them (JSON array).
    held_pupils       jsonb  NULL,
    CONSTRAINT school_rosters_pkey PRIMARY KEY (school_uai),
    CONSTRAINT school_rosters_held CHECK ((held_import_id IS NULL) = (held_pupils IS NULL))
);

-- The last statement of every roster command. It raises (and so rolls back every statement of the
-- command before it) when the caller's version is not the stored one; 0 means "no row yet".
CREATE FUNCTION school_roster_save(
    p_uai               text,
    p_expected_version  bigint,
    p_content_hash      text,
    p_held_import_id    uuid,
    p_held_content_hash text,
    p_held_pupils       jsonb)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
    saved bigint;
BEGIN
    INSERT INTO school_rosters AS r (school_uai, version, content_hash, held_import_id, held_content_hash, held_pupils)
    VALUES (p_uai, 1, p_content_hash, p_held_import_id, p_held_content_hash, p_held_pupils)
    ON CONFLICT (school_uai) DO UPDATE
       SET version = r.version + 1,
           content_hash = excluded.content_hash,
           held_import_id = excluded.held_import_id,
           held_content_hash = excluded.held_content_hash,
           held_pupils = excluded.held_pupils
     WHERE r.version = p_expected_version
    RETURNING r.version INTO saved;
    IF saved IS DISTINCT FROM p_expected_version + 1 THEN
        RAISE EXCEPTION 'roster of school % changed behind its grain (expected version %)', p_uai, p_expected_version
            USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN saved;
END;
$$;
