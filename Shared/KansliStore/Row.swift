/// One row of a query result: its column names and values, read by index or by name.
///
/// ```swift
/// let row = try conn.queryOne("SELECT id, name FROM person WHERE id = ?", [id])
/// let name: String = try row!.get("name")
/// let id = try row!.get(0, as: Int64.self)
/// ```
///
/// A row holds copies of its values, so it stays valid after the statement moves on and can cross
/// threads (`Sendable`).
public struct Row: Sendable {
    /// Column names and the SQL, shared by the rows of one query.
    let columns: RowColumns

    /// The values, in column order.
    public let values: [DatabaseValue]

    init(columns: RowColumns, values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The column names, in order, as SQLite reports them (`AS` aliases where given).
    public var columnNames: [String] { columns.names }

    /// The SQL that produced the row.
    public var sql: String { columns.sql }

    /// The value at `index`.
    ///
    /// - Precondition: `0 <= index < count`, as for an array. Use `get(_:as:)` for a
    ///   throwing read.
    public subscript(_ index: Int) -> DatabaseValue {
        requireCorrectUse(values.indices.contains(index),
                     "KansliStore: Row has \(values.count) columns; index \(index) is out of range")
        return values[index]
    }

    /// The value of the first column named `column` (ASCII case-insensitive), or `nil` when the
    /// row has no such column. A NULL value is `.null`, not `nil`.
    public subscript(_ column: String) -> DatabaseValue? {
        columns.index(of: column).map { values[$0] }
    }

    /// The index of the first column named `column` (ASCII case-insensitive), if any.
    public func index(ofColumn column: String) -> Int? {
        columns.index(of: column)
    }

    /// The value at `index` converted to `T`.
    ///
    /// - Throws: ``DatabaseError`` of kind ``DatabaseError/Kind/columnNotFound`` when the index is
    ///   out of range, or ``DatabaseError/Kind/typeMismatch`` naming the column, its index and the
    ///   expected type when the value does not convert.
    public func get<T: DatabaseValueConvertible>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw DatabaseError(
                kind: .columnNotFound, extendedResultCode: .range,
                message: "no column at index \(index): the row has \(values.count) (\(columnList))",
                sql: columns.sql)
        }
        return try decode(at: index, as: type)
    }

    /// The value of the first column named `column` (ASCII case-insensitive) converted to `T`.
    ///
    /// - Throws: ``DatabaseError`` of kind ``DatabaseError/Kind/columnNotFound`` listing the
    ///   row's columns when none has that name, or ``DatabaseError/Kind/typeMismatch`` naming the
    ///   column and the expected type when the value does not convert.
    public func get<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = columns.index(of: column) else {
            throw DatabaseError(
                kind: .columnNotFound, extendedResultCode: .range,
                message: "no column named \"\(column)\" (the row has \(columnList))",
                sql: columns.sql)
        }
        return try decode(at: index, as: type)
    }

    private func decode<T: DatabaseValueConvertible>(at index: Int, as type: T.Type) throws -> T {
        do {
            return try T.decode(from: values[index])
        } catch let error as DatabaseError {
            throw error.adding(prefix: "column \"\(columns.names[index])\" (index \(index)): ",
                               sql: columns.sql)
        }
    }

    private var columnList: String {
        columns.names.isEmpty ? "no columns" : columns.names.joined(separator: ", ")
    }
}

extension Row: Equatable {
    /// Rows are equal when their column names and values are equal (the SQL does not matter).
    public static func == (lhs: Row, rhs: Row) -> Bool {
        lhs.values == rhs.values && lhs.columns.names == rhs.columns.names
    }
}

extension Row: CustomStringConvertible {
    /// `[name: value, …]`, values as SQL literals. For debugging: it shows the data.
    public var description: String {
        "[" + zip(columns.names, values).map { "\($0): \($1)" }.joined(separator: ", ") + "]"
    }
}
