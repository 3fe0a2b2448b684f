import KansliProtocol

/// The protocol's justerare, justering and secretary, as recorded.
public struct ProtocolDetails: Codable, Sendable, Equatable {
    /// The justerare (person ids).
    public var justerare: [String]
    /// Time and place of justering as written.
    public var justeringPlace: String?
    /// The last day for justering.
    public var justeringDeadline: CalendarDate?
    /// The secretary (person id).
    public var secretary: String
    /// The secretary's name.
    public var secretaryName: String
    /// Where the protocol is kept.
    public var storage: String?

    /// A `ProtocolDetails`.
    public init(justerare: [String] = [], justeringPlace: String? = nil, justeringDeadline: CalendarDate? = nil, secretary: String, secretaryName: String, storage: String? = nil) {
        self.justerare = justerare
        self.justeringPlace = justeringPlace
        self.justeringDeadline = justeringDeadline
        self.secretary = secretary
        self.secretaryName = secretaryName
        self.storage = storage
    }
}
