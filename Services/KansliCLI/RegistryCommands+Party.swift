import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry party list|get|add|update|end`: the member municipalities and regions.
extension RegistryCommands {
    static let partyArgument = PositionalSpec(
        "party", help: "The party: a code (lulea), a name (\"Luleå kommun\", Luleå) or an organisationsnummer.")

    static var partyGroup: CommandGroup {
        kind("party", abstract: "Parties: the municipalities and regions that are members of a committee.", [
            list(RegistryMethods.partyList, plural: "parties", filters: [.on],
                 columns: ["code", "name", "kind", "organisation number", "host", "joined", "left", "seats"]) { party in
                [party.code, party.name, party.kind.rawValue, party.organisationNumber, RegistryText.yes(party.isHost),
                 party.joinedOn.description, RegistryText.date(party.leftOn), "\(party.memberSeats) + \(party.substituteSeats)"]
            },
            get(RegistryMethods.partyGet, kind: "party", argument: partyArgument, render: partyText),
            create("add", RegistryMethods.partyAdd, abstract: "Adds a party to a committee.",
                   options: [idOption("code", help: "The party's code (default: made from the name, e.g. kiruna-kommun).")]
                       + partyOptions(.required),
                   flags: [FlagSpec("host", help: "The party is the host (värdkommun); one host at a time.")],
                   request: { context, committee in
                       // The parser insists on the required options, so every placeholder is replaced.
                       var party = Party(code: "", name: "", kind: .kommun, organisationNumber: "",
                                         joinedOn: CalendarDate(daysSinceEpoch: 0))
                       var fields = RegistryRecordEdit(context)
                       try editParty(&party, &fields)
                       party.code = context.command.stringIfPresent("code") ?? RecordID.slug(from: party.name)
                       return PartyAdd(committee: committee, party: party)
                   },
                   confirm: { party, committee in "Added party \(party.code) (\(party.name)) to \(committee)." }),
            update(RegistryMethods.partyUpdate, kind: "party", argument: partyArgument, options: partyOptions(.optional),
                   flags: [FlagSpec("host", help: "Make the party the host."),
                           FlagSpec("no-host", help: "The party is no longer the host.")],
                   load: { try $0.registry(RegistryMethods.partyGet, $1) },
                   edit: { party, changes in
                       try editParty(&party, &changes)
                       changes.flag("no-host", &party.isHost, to: false)
                       if changes.applied.contains("host") && changes.applied.contains("no-host") {
                           throw changes.usageError("--host and --no-host contradict each other")
                       }
                   },
                   request: PartyUpdate.init),
            end(RegistryMethods.partyEnd, kind: "party", argument: partyArgument,
                lastDay: dateOption("left", .required, help: "The party's last day of membership (inclusive).")),
        ])
    }

    /// The fields of `add` (`.required`: name, kind, organisation number, joined) and `update`
    /// (all `.optional`).
    static func partyOptions(_ occurrence: Occurrence) -> [OptionSpec] {
        let byDefault = occurrence == .required ? " (default: 1)" : ""
        return [
            OptionSpec("name", value: "text", occurrence, help: "The party's name, e.g. \"Kiruna kommun\"."),
            OptionSpec("kind", value: "kommun|region", occurrence, help: "Whether the party is a municipality or a region."),
            OptionSpec("org-number", value: "nnnnnn-nnnn", occurrence, help: "The organisationsnummer, e.g. 212000-2627."),
            dateOption("joined", occurrence, help: "The first day of membership."),
            dateOption("left", help: "The last day of membership, if the party has left."),
            OptionSpec("member-seats", value: "count", help: "How many ledamöter the party appoints\(byDefault)."),
            OptionSpec("substitute-seats", value: "count", help: "How many ersättare the party appoints\(byDefault)."),
            OptionSpec("note", value: "text", help: "A free-text note, e.g. where the organisationsnummer was checked."),
            OptionSpec("bankgiro", value: "number", help: "The bankgiro payments go to (the host's), e.g. 5050-1055."),
            OptionSpec("buyer-reference", value: "text", help: "The reference the party wants on its invoices."),
            OptionSpec("peppol-id", value: "scheme:id", help: "The Peppol id for e-invoices, e.g. 0007:2120002742."),
            OptionSpec("address-line", value: "text", .repeatable,
                       help: "A line of the invoice address above the postal code; repeat for several."),
            OptionSpec("postal-code", value: "nnn nn", help: "The invoice address's postal code, e.g. \"971 85\"."),
            OptionSpec("city", value: "text", help: "The invoice address's postal town."),
        ]
    }

    /// Applies the options of `partyOptions` and `--host` to `party`.
    static func editParty(_ party: inout Party, _ changes: inout RegistryRecordEdit) throws {
        try changes.text("name", &party.name)
        try changes.choice("kind", &party.kind)
        try changes.text("org-number", &party.organisationNumber)
        try changes.date("joined", &party.joinedOn)
        try changes.date("left", &party.leftOn)
        try changes.int("member-seats", &party.memberSeats, in: 0...999)
        try changes.int("substitute-seats", &party.substituteSeats, in: 0...999)
        changes.text("note", &party.note)
        changes.flag("host", &party.isHost, to: true)
        changes.text("bankgiro", &party.invoicing.bankgiro)
        changes.text("buyer-reference", &party.invoicing.buyerReference)
        changes.text("peppol-id", &party.invoicing.peppolID)
        var lines = party.invoicing.address?.lines ?? []
        var postalCode = party.invoicing.address?.postalCode
        var city = party.invoicing.address?.city
        let before = changes.applied.count
        changes.texts("address-line", &lines)
        changes.text("postal-code", &postalCode)
        changes.text("city", &city)
        if changes.applied.count > before {
            switch (lines.isEmpty, postalCode, city) {
            case (true, nil, nil):
                party.invoicing.address = nil
            case (false, let postalCode?, let city?):
                party.invoicing.address = PostalAddress(lines: lines, postalCode: postalCode, city: city)
            default:
                throw changes.usageError("an invoice address needs --address-line, --postal-code and --city")
            }
        }
        clearInvented(&party.invoicing, changed: changes.applied)
    }

    /// The invoicing options and the detail each sets.
    static let invoicingOptions: [(option: String, field: InvoiceField)] = [
        ("bankgiro", .bankgiro), ("buyer-reference", .buyerReference), ("peppol-id", .peppolID),
        ("address-line", .address), ("postal-code", .address), ("city", .address),
    ]

    /// A detail given on the command line is the party's own from now on: it is no longer
    /// marked invented (the shipped files invent them all, `InvoiceDetails.invented`).
    static func clearInvented(_ invoicing: inout InvoiceDetails, changed options: [String]) {
        guard let invented = invoicing.invented else { return }
        let given = Set(invoicingOptions.filter { options.contains($0.option) }.map(\.field))
        let remaining = invented.filter { !given.contains($0) }
        invoicing.invented = remaining.isEmpty ? nil : remaining
    }

    static func partyText(_ party: Party) -> String {
        let address = party.invoicing.address.map { ($0.lines + ["\($0.postalCode) \($0.city)"]).joined(separator: ", ") }
        return RegistryText.fields([
            ("code", party.code), ("name", party.name), ("kind", party.kind.rawValue),
            ("organisation number", party.organisationNumber), ("host", RegistryText.yes(party.isHost)),
            ("membership", RegistryText.span(party.joinedOn, party.leftOn)),
            ("member seats", String(party.memberSeats)), ("substitute seats", String(party.substituteSeats)),
            ("invoice address", address), ("buyer reference", party.invoicing.buyerReference),
            ("Peppol id", party.invoicing.peppolID), ("bankgiro", party.invoicing.bankgiro),
            ("invented", party.invoicing.invented.map { $0.map(\.rawValue).joined(separator: ", ") }),
            ("note", party.note),
        ])
    }
}
