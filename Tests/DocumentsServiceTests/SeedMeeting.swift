import DocumentsAPI
import KansliProtocol

/// Seed 002: the meeting of Norrbottens e-nämnd on 2022-06-22, § 8–16, as requests.
enum SeedMeeting {
    static let date = CalendarDate("2022-06-22")!
    static let ref = MeetingRef(committee: "NBE", date: date)

    static let create = MeetingCreate(
        committee: "NBE", date: date, startTime: "13:00", endTime: "14:40", place: "Teams",
        agenda: paragraphs.map { AgendaItem(title: $0.title, caseNumber: $0.caseNumber, documents: $0.documents, distribution: $0.distribution) })

    /// The närvarolista: six ledamöter absent, two serving ersättare, one present, Carina Sammeli
    /// (the chair) from § 15.
    static let attendance = AttendanceSet(
        meeting: ref,
        absent: ["lars-forsgren", "lena-goldkuhl", "magnus-johansson", "henrik-blind", "rikard-granstrom", "roland-kempainen"],
        substitutions: [Substitution(substitute: "johan-johansson", replaces: "lena-goldkuhl"),
                        Substitution(substitute: "stefan-ovrell", replaces: "magnus-johansson")],
        presentSubstitutes: ["anne-jakobsson"],
        changes: [PresenceChange(person: "carina-sammeli", kind: .arrives, paragraph: 15)],
        others: [OtherAttendee(name: "Robert Karlsson", title: "Norrbottens e-nämnd"),
                 OtherAttendee(name: "Lisa Lundgren", title: "Evado (t.f. samordnare, extern konsult)")])

    static let details = ProtocolSet(meeting: ref, justerare: ["jonas-lindberg"], justeringPlace: "Protokollet justeras digitalt",
                                      justeringDeadline: CalendarDate("2022-07-06")!, storage: "Protokollet förvaras digitalt hos e-nämnden")

    static let information = "E-nämnden beslutar att lägga informationen till handlingarna."

    static let paragraphs: [ParagraphContent] = [
        ParagraphContent(title: "Grundläggande granskning Kiruna och Gällivare kommun", caseNumber: "2022/9-2.2.0.1",
                         decision: "E-nämnden beslutar att ta med revisionens synpunkter och rekommendationer i nämndens utvecklingsarbete.",
                         summary: "Norrbottens e-nämnd ska granskas årligen av alla ingående parter (kommunerna).\n\nKiruna och Gällivare kommun lämnar samma rekommendationer:\n\n- \"att nämnden vidtar åtgärder i syfte att säkerställa att årshjul upprättas\"",
                         documents: ["Grundläggande granskning av Norrbottens E-nämnd år 2021", "Revisionsrapport e-nämnden"],
                         distribution: ["Gällivare kommun", "Kiruna kommun"]),
        ParagraphContent(title: "Grundläggande granskning Arvidsjaur kommun", caseNumber: "2022/10-2.2.0.1",
                         decision: "E-nämnden beslutar att ta med revisionens synpunkter och rekommendationer i nämndens utvecklingsarbete.",
                         documents: ["Kf 41"], distribution: ["Arvidsjaur kommun"]),
        ParagraphContent(title: "Grundläggande granskning Älvsbyns kommun", caseNumber: "2022/11-2.2.0.1", decision: information,
                         documents: ["Slutdokument grundläggande granskning Än 2021", "Grundläggande granskning 2021 Än"]),
        ParagraphContent(title: "Revidering förstudiedirektiv HR", caseNumber: "2022/12-2.2.0.1", decision: information,
                         documents: ["Förstudiedirektiv Rev B", "Protokoll styrgrupp gemensamt HR 220504", "E-nämndens beslut 2022-03-16 § 2 E-NÄMND 2022.1"]),
        ParagraphContent(title: "Budget 2023", caseNumber: "2022/13-2.2.0.1", decision: "E-nämnden beslutar att godkänna budgeten för 2023",
                         summary: "Budgeten för 2023 är upprättad enligt beslutade fördelningsmodeller och i enlighet med gällande samverkansavtal.",
                         proceedings: "Maud Lundbäck (S) påpekar att kostnad uppdelat per kommun saknas för Verksamhetsutvecklare e-tjänster. Ordföranden föreslår att nämnden godkänner budgeten för 2023 och att protokollet kompletteras med kostnad per kommun för Verksamhetsutvecklare e-tjänster.",
                         decisionMethod: .proposition,
                         decisionProcess: "Ordföranden ställer sitt eget förslag till beslut för proposition och finner att e-nämnden bifaller beslutet.",
                         documents: ["Budget 2023, fördelning 2023, budget 2022"]),
        ParagraphContent(title: "Slutrapport e-learning", caseNumber: "2022/14-2.2.0.1", decision: "E-nämnden beslutar att lägga informationen till handlingarna",
                         documents: ["Förstudierapport e-learning rev A 22-06-13", "Presentation förstudierapport e-learning rev A 22-06-13"]),
        ParagraphContent(title: "Information om aktuella och pågående aktiviteter", caseNumber: "2022/15-2.2.0.1", decision: information),
        ParagraphContent(title: "Information gällande revidering av reglemente och samverkansavtal", caseNumber: "2022/16-2.2.0.1", decision: information),
        ParagraphContent(title: "Delårsrapport 2022", caseNumber: "2022/17-1.1.1.2",
                         decision: "E-nämnden beslutar att godkänna delårsrapporten för perioden januari – 31 maj 2022",
                         documents: ["Verksamhetsplan 2022", "Utfall 2022, fördelning 2022, budget 2022"], distribution: ["Luleå kommun"]),
    ]
}
