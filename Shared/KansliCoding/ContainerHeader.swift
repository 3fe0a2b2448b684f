/// The parsed header of an array or map: where its elements are and how many there are.
struct ContainerHeader {
    /// Offset of the first element (or entry).
    let bodyStart: Int
    /// One past the last byte of the container, as its byte count says.
    let bodyEnd: Int
    /// The element (or entry) count.
    let count: Int
}
