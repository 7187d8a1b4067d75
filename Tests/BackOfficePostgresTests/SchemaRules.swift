import Postgres

/// The tenancy rules of SPEC.md as catalog queries: each returns the names of what breaks
/// its rule, so an empty answer means the rule holds.
enum SchemaRules {
    /// Tables of the public schema that have an `org_id` column, with its attribute number.
    static let tenantTables = """
        SELECT c.oid, c.relname, a.attnum AS org_attnum
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p')
        """

    /// The global tables of web logins (0015): what lets someone in, readable by no one else.
    static let loginTables = ["person_credentials", "web_sessions", "login_failures"]

    private static let loginTableOIDs = """
        SELECT c.oid, c.relname, c.relowner FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        WHERE c.relname IN ('\(loginTables.joined(separator: "', '"))')
        """

    static let all: [(rule: String, sql: String)] = [
        ("row-level security enabled and forced on every tenant table", """
            WITH tenant AS (\(tenantTables))
            SELECT t.relname AS name FROM tenant t JOIN pg_class c ON c.oid = t.oid
            WHERE NOT (c.relrowsecurity AND c.relforcerowsecurity)
            """),
        ("every policy on a tenant table has USING and WITH CHECK", """
            WITH tenant AS (\(tenantTables))
            SELECT t.relname || '.' || p.polname AS name FROM pg_policy p JOIN tenant t ON t.oid = p.polrelid
            WHERE p.polqual IS NULL OR p.polwithcheck IS NULL
            """),
        ("every tenant table has a policy for the app role and one for the county role", """
            WITH tenant AS (\(tenantTables))
            SELECT t.relname || ' (' || r.rolname || ')' AS name
            FROM tenant t CROSS JOIN pg_roles r
            WHERE r.rolname IN ('backoffice_app', 'backoffice_county')
              AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = t.oid AND r.oid = ANY (p.polroles))
            """),
        ("every index (primary keys and unique ones too) on a tenant table leads with org_id", """
            WITH tenant AS (\(tenantTables))
            SELECT i.relname AS name FROM pg_index x
            JOIN tenant t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indkey[0] <> t.org_attnum
            """),
        ("foreign keys between tenant tables include org_id on both sides", """
            WITH tenant AS (\(tenantTables))
            SELECT con.conname AS name FROM pg_constraint con
            JOIN tenant src ON src.oid = con.conrelid JOIN tenant dst ON dst.oid = con.confrelid
            WHERE con.contype = 'f' AND NOT EXISTS (
                SELECT 1 FROM unnest(con.conkey, con.confkey) AS k(source, target)
                WHERE k.source = src.org_attnum AND k.target = dst.org_attnum)
            """),
        ("the app, county and reporting roles are not superuser and do not bypass RLS", """
            SELECT rolname AS name FROM pg_roles
            WHERE rolname IN ('backoffice_app', 'backoffice_county', 'backoffice_reporting', 'backoffice_web_reports')
              AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb)
            """),
        ("the app, county and reporting roles own nothing", """
            WITH r AS (SELECT oid FROM pg_roles WHERE rolname IN ('backoffice_app', 'backoffice_county', 'backoffice_reporting',
                                                                  'backoffice_web_reports'))
            SELECT 'relation ' || relname AS name FROM pg_class WHERE relowner IN (SELECT oid FROM r)
            UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspowner IN (SELECT oid FROM r)
            UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE proowner IN (SELECT oid FROM r)
            UNION ALL SELECT 'database ' || datname FROM pg_database
                WHERE datname = current_database() AND datdba IN (SELECT oid FROM r)
            """),
        ("every view is security_invoker", """
            SELECT n.nspname || '.' || c.relname AS name FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'v' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              -- except the reporting views: definer views of their own role (0014, docs/reporting.md)
              AND NOT (n.nspname = 'reporting' AND pg_get_userbyid(c.relowner) = 'backoffice_reporting_views')
              AND NOT EXISTS (SELECT 1 FROM unnest(c.reloptions) AS o(option)
                              WHERE lower(o.option) IN ('security_invoker=true', 'security_invoker=on', 'security_invoker=1'))
            """),
        ("SECURITY DEFINER functions fix their search_path and are not executable by PUBLIC", """
            SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND (NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) AS s(setting) WHERE s.setting LIKE 'search_path=%')
                   OR p.proacl IS NULL
                   OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) AS a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))
            """),
        ("history and audit tables are append-only for the app and county roles", """
            SELECT r.rolname || ' may ' || lower(priv) || ' ' || t AS name
            FROM unnest(ARRAY['audit_log', 'access_log', 'ticket_events', 'deployment_events', 'ticket_comments']) AS t
            CROSS JOIN unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS priv
            CROSS JOIN pg_roles r
            WHERE r.rolname IN ('backoffice_app', 'backoffice_county') AND has_table_privilege(r.oid, t, priv)
            """),
        ("the reporting roles read nothing outside the reporting schema", """
            SELECT n.nspname || '.' || c.relname || ' (' || r.rolname || ')' AS name
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN pg_roles r
            WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN ('reporting', 'pg_catalog', 'information_schema')
              AND r.rolname IN ('backoffice_reporting', 'backoffice_web_reports')
              AND has_table_privilege(r.oid, c.oid, 'SELECT, INSERT, UPDATE, DELETE')
            """),
        ("credentials, sessions and failed logins are reachable by the app and county roles only", """
            WITH login AS (\(loginTableOIDs))
            SELECT l.relname || ' (' || r.rolname || ')' AS name FROM login l CROSS JOIN pg_roles r
            WHERE r.rolname NOT IN ('backoffice_app', 'backoffice_county') AND r.rolname NOT LIKE 'pg\\_%'
              AND NOT r.rolsuper AND r.oid <> l.relowner
              AND (has_table_privilege(r.oid, l.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                   OR has_any_column_privilege(r.oid, l.oid, 'SELECT, INSERT, UPDATE, REFERENCES'))
            """),
        ("no view reads credentials, sessions or failed logins", """
            WITH login AS (\(loginTableOIDs))
            SELECT DISTINCT n.nspname || '.' || v.relname AS name
            FROM login l JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = l.oid
            JOIN pg_rewrite w ON d.classid = 'pg_rewrite'::regclass AND w.oid = d.objid
            JOIN pg_class v ON v.oid = w.ev_class AND v.oid <> l.oid
            JOIN pg_namespace n ON n.oid = v.relnamespace
            """),
    ]

    /// What breaks the rule of `sql` (a fixed catalog query, no values), by name.
    static func violations(of sql: String, on connection: Connection) async throws -> [String] {
        try await connection.query(PostgresQuery(stringLiteral: sql)).map { try $0.decode(String.self, "name") }
    }
}
