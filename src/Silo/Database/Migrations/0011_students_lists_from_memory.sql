-- The school grain now holds its pupils and answers its lists from memory; every remaining query
-- by school (the grain's load, Pix Junior's classes, the roster lookups) is served by the
-- (school_uai, ine) unique index. One index less for every pupil an import writes.
DROP INDEX IF EXISTS students_by_school_class;
