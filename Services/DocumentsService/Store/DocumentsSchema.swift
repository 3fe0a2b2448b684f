import KansliStore

/// The documents database's schema.
///
/// A meeting is one row: its protocol content (`MeetingContent`) and the records kept beside it
/// (`MeetingRecords`: justering day, notices, dispatches) each stored whole in the protocol's
/// binary encoding (deterministic), beside the columns that find it. A frozen revision's
/// content never changes: the handlers refuse the edit, and a trigger refuses it again should
/// any code path forget to. A revision replaced by `documents.protocol.revise` is kept in
/// `protocol_revision` as it was frozen.
///
/// Paragraph numbers and case serials are gap-free per committee and year: `year_sequence`
/// holds the next of each, and `paragraph_number` (primary key committee, year, number) refuses
/// a repeat in the database itself.
enum DocumentsSchema {
    static let migrations: [Migration] = [
        Migration(version: 1, sql: """
            CREATE TABLE meeting (
                committee TEXT NOT NULL,
                date TEXT NOT NULL,
                year INTEGER NOT NULL,
                committee_name TEXT NOT NULL,
                committee_short_name TEXT NOT NULL,
                revision INTEGER NOT NULL CHECK (revision >= 1),
                frozen INTEGER NOT NULL CHECK (frozen IN (0, 1)),
                frozen_at TEXT,
                content BLOB NOT NULL,
                records BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (committee, date)
            ) WITHOUT ROWID;
            CREATE TRIGGER meeting_frozen_content BEFORE UPDATE ON meeting
            WHEN OLD.frozen = 1 AND NEW.revision = OLD.revision AND (NEW.content IS NOT OLD.content OR NEW.frozen = 0)
            BEGIN
                SELECT RAISE(ABORT, 'a frozen protocol revision cannot change');
            END;
            CREATE TRIGGER meeting_revision_forward BEFORE UPDATE ON meeting
            WHEN NEW.revision < OLD.revision
            BEGIN
                SELECT RAISE(ABORT, 'a protocol revision never goes back');
            END;
            CREATE TABLE protocol_revision (
                committee TEXT NOT NULL,
                date TEXT NOT NULL,
                revision INTEGER NOT NULL,
                content BLOB NOT NULL,
                frozen_at TEXT NOT NULL,
                replaced_at INTEGER NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (committee, date, revision)
            ) WITHOUT ROWID;
            CREATE TRIGGER protocol_revision_immutable BEFORE UPDATE ON protocol_revision
            BEGIN
                SELECT RAISE(ABORT, 'a replaced protocol revision is kept as it was');
            END;
            CREATE TABLE year_sequence (
                committee TEXT NOT NULL,
                year INTEGER NOT NULL,
                next_paragraph INTEGER NOT NULL CHECK (next_paragraph >= 1),
                next_case_serial INTEGER NOT NULL CHECK (next_case_serial >= 1),
                PRIMARY KEY (committee, year)
            ) WITHOUT ROWID;
            CREATE TABLE paragraph_number (
                committee TEXT NOT NULL,
                year INTEGER NOT NULL,
                number INTEGER NOT NULL,
                date TEXT NOT NULL,
                PRIMARY KEY (committee, year, number),
                FOREIGN KEY (committee, date) REFERENCES meeting (committee, date)
            ) WITHOUT ROWID;
            CREATE INDEX paragraph_number_by_meeting ON paragraph_number (committee, date);
            """),
        // Signing: the frozen bytes of every signed document, the signatures with the names,
        // roles and keys they relied on, the days documents became justerat, and each
        // committee's hash-chained log. Nothing here is ever updated or deleted.
        Migration(version: 2, sql: """
            CREATE TABLE signed_document (
                committee TEXT NOT NULL,
                date TEXT NOT NULL,
                revision INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('protokoll', 'paragraf', 'utdrag')),
                paragraph INTEGER NOT NULL,
                file_name TEXT NOT NULL,
                bytes BLOB NOT NULL,
                sha256 TEXT NOT NULL,
                annex_name TEXT,
                annex BLOB,
                annex_sha256 TEXT,
                source_sha256 TEXT,
                frozen_at INTEGER NOT NULL,
                PRIMARY KEY (committee, date, revision, kind, paragraph)
            ) WITHOUT ROWID;
            CREATE TABLE signature (
                committee TEXT NOT NULL,
                date TEXT NOT NULL,
                revision INTEGER NOT NULL,
                kind TEXT NOT NULL,
                paragraph INTEGER NOT NULL,
                person TEXT NOT NULL,
                name TEXT NOT NULL,
                roles TEXT NOT NULL,
                key_id TEXT NOT NULL,
                public_key TEXT NOT NULL,
                statement BLOB NOT NULL,
                signature BLOB NOT NULL,
                signed_at INTEGER NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (committee, date, revision, kind, paragraph, person),
                FOREIGN KEY (committee, date, revision, kind, paragraph)
                    REFERENCES signed_document (committee, date, revision, kind, paragraph)
            ) WITHOUT ROWID;
            CREATE TABLE justering (
                committee TEXT NOT NULL,
                date TEXT NOT NULL,
                kind TEXT NOT NULL,
                paragraph INTEGER NOT NULL,
                revision INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                justerat_on TEXT NOT NULL,
                log_sequence INTEGER NOT NULL,
                PRIMARY KEY (committee, date, kind, paragraph)
            ) WITHOUT ROWID;
            CREATE TABLE log_entry (
                committee TEXT NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence >= 1),
                text BLOB NOT NULL,
                sha256 TEXT NOT NULL,
                PRIMARY KEY (committee, sequence)
            ) WITHOUT ROWID;
            CREATE TRIGGER signed_document_immutable BEFORE UPDATE ON signed_document
            BEGIN SELECT RAISE(ABORT, 'a signed document never changes'); END;
            CREATE TRIGGER signed_document_kept BEFORE DELETE ON signed_document
            BEGIN SELECT RAISE(ABORT, 'a signed document is never deleted'); END;
            CREATE TRIGGER signature_immutable BEFORE UPDATE ON signature
            BEGIN SELECT RAISE(ABORT, 'a signature never changes'); END;
            CREATE TRIGGER signature_kept BEFORE DELETE ON signature
            BEGIN SELECT RAISE(ABORT, 'a signature is never deleted'); END;
            CREATE TRIGGER justering_immutable BEFORE UPDATE ON justering
            BEGIN SELECT RAISE(ABORT, 'a justering never changes'); END;
            CREATE TRIGGER log_entry_immutable BEFORE UPDATE ON log_entry
            BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
            CREATE TRIGGER log_entry_kept BEFORE DELETE ON log_entry
            BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
            """),
    ]
}
