/// The UTC calendar fields of any `Timestamp`, including years outside 1–9999 (which
/// `CivilDate` refuses): what the formatter writes.
struct CivilDateTimeParts {
    let year: Int64
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int
    let microsecond: Int

    init(_ timestamp: Timestamp) {
        let (seconds, microsecond) = Timestamp.split(timestamp.microsecondsSince1970)
        let (days, secondOfDay) = Timestamp.floorDivide(seconds, 86_400)
        (year, month, day) = CivilDate.civil(fromDays: days)
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay / 60 % 60)
        second = Int(secondOfDay % 60)
        self.microsecond = Int(microsecond)
    }
}
