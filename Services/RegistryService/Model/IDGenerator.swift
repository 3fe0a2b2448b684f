import RegistryAPI

/// Makes ids for records created without one: readable, typeable, and unique within their kind
/// in the committee (`isak-utsi`, then `isak-utsi-2`).
public enum IDGenerator {
    /// `base` made into a slug, or — when taken — the slug with the lowest suffix `-2`, `-3` …
    /// that is free. The result is always a valid `RecordID`.
    public static func unique(_ base: String, taken: Set<String>) -> String {
        unique(base, isTaken: taken.contains)
    }

    /// `unique(_:taken:)` with `isTaken` saying whether an id is in use: for a kind of record the
    /// committee state looks up by id, so that no set of every id need be built.
    public static func unique(_ base: String, isTaken: (String) -> Bool) -> String {
        let slug = RecordID.slug(from: base)
        if !isTaken(slug) { return slug }
        var suffix = 2
        while true {
            let tail = "-\(suffix)"
            var head = String(slug.prefix(RecordID.maxLength - tail.count))
            while head.hasSuffix("-") { head.removeLast() }
            let candidate = head + tail
            if !isTaken(candidate) { return candidate }
            suffix += 1
        }
    }
}
