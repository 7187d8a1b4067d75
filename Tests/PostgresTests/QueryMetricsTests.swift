@testable import Postgres
import Testing

@Suite("The kind a statement is timed under")
struct QueryMetricsTests {
    @Test(arguments: [
        ("SELECT 1", "select"), ("  \n insert INTO t VALUES ($1)", "insert"), ("WITH x AS (SELECT 1) DELETE FROM t", "with"),
        ("BEGIN ISOLATION LEVEL SERIALIZABLE", "begin"), ("COMMIT", "commit"), ("SET LOCAL ROLE r", "set"),
        ("VACUUM t", "other"), ("", "other"), ("SELECT1", "other"), ("selectedly", "other"),
    ])
    func kindIsTheFirstKeywordFromAFixedList(_ sql: String, _ kind: String) {
        #expect(QueryMetrics.kind(of: sql) == kind)
    }
}
