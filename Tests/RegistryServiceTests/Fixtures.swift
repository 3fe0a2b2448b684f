import Foundation
import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// The shipped data files and small helpers shared by the rule tests.
enum Fixtures {
    /// `deploy/seed-data/` of the repository.
    static let seedDataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

    /// A shipped data file, decoded.
    static func shipped(_ name: String) throws -> CommitteeFile {
        try JSONDecoder().decode(CommitteeFile.self, from: Data(contentsOf: seedDataDirectory.appendingPathComponent(name)))
    }

    /// Norrbottens e-nämnd as shipped (seed 002).
    static func norrbotten() throws -> CommitteeFile { try shipped("norrbotten-e-namnd.json") }
    /// Gemensam nämnd för samverkan, Jämtland, as shipped (seed 001).
    static func jamtland() throws -> CommitteeFile { try shipped("jamtland-gns.json") }

    /// The state of Norrbottens e-nämnd.
    static func norrbottenState() throws -> CommitteeState { CommitteeState(try norrbotten()) }

    /// `yyyy-MM-dd` as a date.
    static func day(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { fatalError("bad date \(text) in a test") }
        return date
    }

    /// The term 2019–2022.
    static let term = MandatePeriod("2019-2022")!
}

/// Runs `body`, expects a `ServiceError` with `code` at `field`, and returns it for further checks.
@discardableResult
func expectServiceError(_ code: ErrorCode, field: String?, sourceLocation: SourceLocation = #_sourceLocation,
                        _ body: () throws -> Void) -> ServiceError? {
    do {
        try body()
        Issue.record("expected \(code) at \(field ?? "no field"), but it succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as ServiceError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a ServiceError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

extension CommitteeFile {
    /// The file with `change` applied to the appointment with `id`.
    func replacingAppointment(_ id: String, _ change: (inout Appointment) -> Void) -> CommitteeFile {
        var file = self
        let index = file.appointments.firstIndex { $0.id == id }!
        change(&file.appointments[index])
        return file
    }

    /// The file with `change` applied to the party with `code`.
    func replacingParty(_ code: String, _ change: (inout Party) -> Void) -> CommitteeFile {
        var file = self
        let index = file.parties.firstIndex { $0.code == code }!
        change(&file.parties[index])
        return file
    }
}
