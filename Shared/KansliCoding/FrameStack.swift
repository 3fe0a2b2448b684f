/// The stack of `EncodingFrame`s of one encoding, index = depth: an `Array`'s operations over memory
/// this class owns.
///
/// Why not an `Array` stored in `EncodingState`: every access to a class's stored `var` is checked
/// for exclusivity at run time, and the encoder touches the frames several times per value
/// (`frames[depth].count &+= 1`). With `frames: [EncodingFrame]` those checks measured 30 % of the
/// encoding time (the coder benchmark's encode went from 60 to 90 µs); switching them off with
/// `@exclusivity(unchecked)` would be the other way, and the coder uses no unsafe attributes. Here
/// the state holds the stack in a `let`, and the stack keeps its count, capacity and frames in
/// memory it allocated rather than in stored `var`s, so no access needs a dynamic check. Every
/// index is checked (`precondition`), as `Array`'s are: the memory stays safe.
final class FrameStack {
    /// The count, capacity and elements, in memory this stack owns.
    private struct Header {
        var count: Int
        var capacity: Int
        var elements: UnsafeMutablePointer<EncodingFrame>
    }

    private let header: UnsafeMutablePointer<Header>

    /// An empty stack with room for `capacity` frames before it grows.
    init(capacity: Int) {
        let room = max(capacity, 1)
        header = .allocate(capacity: 1)
        header.initialize(to: Header(count: 0, capacity: room, elements: .allocate(capacity: room)))
    }

    deinit {
        header.pointee.elements.deinitialize(count: header.pointee.count)
        header.pointee.elements.deallocate()
        header.deinitialize(count: 1)
        header.deallocate()
    }

    /// How many frames the stack holds.
    var count: Int {
        @inline(__always) get { header.pointee.count }
    }

    /// The frame at `index`, read or changed in place.
    subscript(index: Int) -> EncodingFrame {
        @inline(__always) get {
            precondition(index >= 0 && index < header.pointee.count, "frame index out of range")
            return header.pointee.elements[index]
        }
        @inline(__always) _modify {
            precondition(index >= 0 && index < header.pointee.count, "frame index out of range")
            yield &header.pointee.elements[index]
        }
    }

    /// Pushes `frame`.
    @inline(__always)
    func append(_ frame: EncodingFrame) {
        if header.pointee.count == header.pointee.capacity { grow() }
        (header.pointee.elements + header.pointee.count).initialize(to: frame)
        header.pointee.count &+= 1
    }

    /// Doubles the room.
    private func grow() {
        let capacity = header.pointee.capacity &* 2
        let elements = UnsafeMutablePointer<EncodingFrame>.allocate(capacity: capacity)
        elements.moveInitialize(from: header.pointee.elements, count: header.pointee.count)
        header.pointee.elements.deallocate()
        header.pointee.elements = elements
        header.pointee.capacity = capacity
    }

    /// Pops and returns the top frame.
    @discardableResult
    func removeLast() -> EncodingFrame {
        precondition(header.pointee.count > 0, "removeLast on an empty frame stack")
        header.pointee.count &-= 1
        return (header.pointee.elements + header.pointee.count).move()
    }

    /// Pops the top `k` frames.
    func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= header.pointee.count, "removeLast(\(k)) on \(header.pointee.count) frames")
        header.pointee.count &-= k
        (header.pointee.elements + header.pointee.count).deinitialize(count: k)
    }

    /// The path elements of the frames `1...last` (the top-level frame has none).
    func pathElements(through last: Int) -> [CodingPathElement] {
        guard last >= 1 else { return [] }
        precondition(last < header.pointee.count, "frame index out of range")
        return (1...last).compactMap { header.pointee.elements[$0].element }
    }
}
