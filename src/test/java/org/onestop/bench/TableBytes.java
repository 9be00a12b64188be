package org.onestop.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * What the rows of each table hold, computed the same way on H2 and MariaDB/MySQL: for every row, the stored length
 * of each non-null column (the bytes of a string or binary value, 8 for a BIGINT, a DOUBLE or a timestamp, 4 for an
 * INTEGER, 1 for a BOOLEAN or TINYINT), and for every secondary index, its columns' lengths plus the primary key's
 * (what an index entry stores). No page fill, row headers or free space: a lower bound of what the database stores,
 * which does not jump with page and extent allocation as the database's own figures do. On MySQL/MariaDB
 * {@link #onDisk} adds the database's own figure (information_schema data + index length, after ANALYZE TABLE).
 */
final class TableBytes {

    /** One table's rows and bytes. */
    record Size(long rows, long dataBytes, long indexBytes, long onDisk) {
        long bytes() {
            return dataBytes + indexBytes;
        }

        Size minus(Size before) {
            return new Size(rows - before.rows, dataBytes - before.dataBytes, indexBytes - before.indexBytes,
                    onDisk < 0 || before.onDisk < 0 ? -1 : onDisk - before.onDisk);
        }
    }

    private TableBytes() {
    }

    /** Every table of the current schema by name (upper case), with its rows and bytes. */
    static Map<String, Size> measure(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            boolean mysql = meta.getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*");
            String catalog = connection.getCatalog();
            String schema = mysql ? null : connection.getSchema();
            String quote = meta.getIdentifierQuoteString().trim();
            Map<String, Size> sizes = new TreeMap<>();
            for (String table : tables(meta, catalog, schema)) {
                Map<String, String> lengths = columnLengths(meta, catalog, schema, table, quote);
                List<String> primaryKey = primaryKey(meta, catalog, schema, table);
                List<String> indexTerms = new ArrayList<>();
                for (List<String> index : secondaryIndexes(meta, catalog, schema, table, primaryKey)) {
                    Set<String> entry = new LinkedHashSet<>(index);
                    entry.addAll(primaryKey);
                    entry.stream().map(lengths::get).forEach(indexTerms::add);
                }
                String sql = "SELECT COUNT(*), COALESCE(SUM(" + String.join(" + ", lengths.values()) + "), 0), COALESCE(SUM("
                        + (indexTerms.isEmpty() ? "0" : String.join(" + ", indexTerms)) + "), 0) FROM " + quote + table + quote;
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    sizes.put(table.toUpperCase(), new Size(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            mysql ? onDisk(connection, table, quote) : -1));
                }
            }
            return sizes;
        }
    }

    private static List<String> tables(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** Per column, an SQL expression for the bytes its value takes in a row (0 when null). */
    private static Map<String, String> columnLengths(DatabaseMetaData meta, String catalog, String schema, String table,
                                                    String quote) throws SQLException {
        Map<String, String> lengths = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                String column = quote + rs.getString("COLUMN_NAME") + quote;
                lengths.put(rs.getString("COLUMN_NAME"), switch (rs.getInt("DATA_TYPE")) {
                    case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                         Types.CLOB, Types.NCLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                            "COALESCE(OCTET_LENGTH(" + column + "), 0)";
                    case Types.INTEGER, Types.REAL, Types.DATE, Types.TIME -> fixed(column, 4);
                    case Types.SMALLINT -> fixed(column, 2);
                    case Types.TINYINT, Types.BOOLEAN, Types.BIT -> fixed(column, 1);
                    default -> fixed(column, 8); // BIGINT, DOUBLE, FLOAT, DECIMAL, TIMESTAMP
                });
            }
        }
        return lengths;
    }

    private static String fixed(String column, int bytes) {
        return "(CASE WHEN " + column + " IS NULL THEN 0 ELSE " + bytes + " END)";
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(columns.values());
    }

    private static List<List<String>> secondaryIndexes(DatabaseMetaData meta, String catalog, String schema, String table,
                                                       List<String> primaryKey) throws SQLException {
        Map<String, Map<Short, String>> indexes = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    indexes.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column);
                }
            }
        }
        List<List<String>> secondary = new ArrayList<>();
        for (Map<Short, String> index : indexes.values()) {
            List<String> columns = new ArrayList<>(index.values());
            if (!columns.equals(primaryKey)) {
                secondary.add(columns);
            }
        }
        return secondary;
    }

    private static long onDisk(Connection connection, String table, String quote) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE TABLE " + quote + table + quote);
            try (ResultSet rs = statement.executeQuery("SELECT DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'")) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
