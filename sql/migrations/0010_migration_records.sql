-- 0010: the server's login may read the record of applied migrations, so /health/ready can
-- tell whether the schema is current. (The runner creates schema_migrations before 0001.)
GRANT SELECT ON schema_migrations TO backoffice_app;
