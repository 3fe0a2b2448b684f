extension StockholmTime {
    /// Reads a time as a person or a script types it: a date (`2022-06-01`, the start of that day),
    /// a local date and time (`2022-06-28T09:30` or `2022-06-28T09:30:15`), all in Europe/Stockholm,
    /// or an instant in UTC exactly as `Timestamp.iso8601` writes it (`…T07:30:00.000Z`). Nil for
    /// anything else.
    public static func parse(_ text: some StringProtocol) -> Timestamp? {
        if let instant = Timestamp(iso8601: text) { return instant }
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let date = CivilDate(String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        if bytes.count == 10 {
            return CivilDateTime(date: date, hour: 0, minute: 0).map { timestamp(for: $0) }
        }
        guard bytes.count == 16 || bytes.count == 19, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              let hour = ASCIIDigits.value(bytes[11..<13]), let minute = ASCIIDigits.value(bytes[14..<16])
        else { return nil }
        var second = 0
        if bytes.count == 19 {
            guard bytes[16] == UInt8(ascii: ":"), let value = ASCIIDigits.value(bytes[17..<19]) else { return nil }
            second = value
        }
        return CivilDateTime(date: date, hour: hour, minute: minute, second: second).map { timestamp(for: $0) }
    }
}
