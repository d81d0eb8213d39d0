-- The Orleans ADO.NET providers read their SQL from this table with an unquoted statement, so the
-- table and its columns must be created unquoted (PostgreSQL folds them to lower case); a quoted
-- mixed-case name would not be found.
CREATE TABLE OrleansQuery (
    QueryKey  text NOT NULL,
    QueryText text NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (QueryKey)
);
