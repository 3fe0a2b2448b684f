import RegistryAPI

/// Makes ids for records created without one: readable, typeable, and unique within their kind
/// in the committee (`isak-utsi`, then `isak-utsi-2`).
public enum IDGenerator {
    /// `base` made into a slug, or — when taken — the slug with the lowest suffix `-2`, `-3` …
    /// that is free. The result is always a valid `RecordID`.
    public static func unique(_ base: String, taken: Set<String>) -> String {
        let slug = RecordID.slug(from: base)
        if !taken.contains(slug) { return slug }
        var suffix = 2
        while true {
            let tail = "-\(suffix)"
            var head = String(slug.prefix(RecordID.maxLength - tail.count))
            while head.hasSuffix("-") { head.removeLast() }
            let candidate = head + tail
            if !taken.contains(candidate) { return candidate }
            suffix += 1
        }
    }
}
