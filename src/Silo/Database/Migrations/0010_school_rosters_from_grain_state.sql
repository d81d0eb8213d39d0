-- Until now the content hash and the held import lived in the school grain's Orleans state
-- ("school-roster", plain JSON); they move to school_rosters. Rows already there are left alone.
INSERT INTO school_rosters (school_uai, version, content_hash, held_import_id, held_content_hash, held_pupils)
SELECT substr(s.grain_id_extension, 5),
       1,
       st.state ->> 'LastAppliedContentHash',
       (st.state -> 'Pending' ->> 'ImportId')::uuid,
       st.state -> 'Pending' ->> 'ContentHash',
       CASE WHEN st.state -> 'Pending' ->> 'ImportId' IS NULL THEN NULL ELSE st.state -> 'Pending' -> 'Pupils' END
  FROM orleans_storage s
 CROSS JOIN LATERAL (SELECT convert_from(s.payload, 'UTF8')::jsonb AS state) st
 WHERE s.grain_type = 'school-roster'
   AND s.payload IS NOT NULL
   AND s.grain_id_extension LIKE 'uai:%'
ON CONFLICT (school_uai) DO NOTHING;

DELETE FROM orleans_storage WHERE grain_type = 'school-roster';
