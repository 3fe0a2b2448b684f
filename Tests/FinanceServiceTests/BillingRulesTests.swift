import FinanceAPI
import KansliProtocol
import KansliTestSupport
import Testing
@testable import FinanceService

@Suite("Billing rules: OCR references, invoice numbers, VAT to the öre")
struct BillingRulesTests {
    @Test("the issue's example: 2300001 gets length digit 9 and Luhn check digit 2")
    func ocrExample() {
        #expect(OCRReference.make(from: "2300001") == "230000192")
        #expect(OCRReference.isValid("230000192"))
        #expect(OCRReference.payload(of: "230000192") == "2300001")
    }

    @Test("a reference with a wrong check digit, a wrong length digit, or not digits is refused")
    func ocrRefusals() {
        #expect(!OCRReference.isValid("230000193"))
        #expect(!OCRReference.isValid("230000182"), "length digit 8 for nine digits")
        #expect(!OCRReference.isValid("23000019x"))
        #expect(!OCRReference.isValid(""))
        #expect(OCRReference.make(from: "") == nil)
        #expect(OCRReference.make(from: String(repeating: "1", count: 24)) == nil, "over 25 digits with the two added")
        #expect(OCRReference.make(from: "12a") == nil)
    }

    @Test("the length digit is the total length modulo 10, so an 8-digit number gives a 10-digit reference ending in 0 then the check")
    func lengthDigit() throws {
        let reference = try #require(OCRReference.make(from: "12300001"))
        #expect(reference.count == 10)
        #expect(reference.dropLast().last == "0")
    }

    @Test("every reference Kansli makes is Luhn-valid by python-stdnum, an independent implementation",
          .enabled(if: PythonStdnum.available, "python-stdnum is not installed (pip install python-stdnum)"))
    func stdnumOracle() throws {
        var generator = SeededGenerator(seed: 10)
        var numbers = ["2300001", "12300001", "22300042", "99999"]
        for _ in 0..<300 {
            let prefix = Int.random(in: 1...999, using: &generator)
            let serial = Int.random(in: 1...99_999, using: &generator)
            numbers.append(BillingRules.invoiceNumber(prefix: prefix, year: Int.random(in: 2000...2099, using: &generator), serial: serial))
        }
        let references = numbers.map { OCRReference.make(from: $0)! }
        let verdicts = try Python.lines("""
            import sys
            from stdnum import luhn
            for line in sys.stdin.read().split():
                print("ok" if luhn.is_valid(line) and int(line[-2]) == len(line) % 10 else "bad " + line)
            """, input: references)
        #expect(verdicts == Array(repeating: "ok", count: references.count))
        // And the other way: a reference with its check digit changed is invalid for both.
        let broken = references.map { String($0.dropLast()) + String((Int(String($0.last!))! + 1) % 10) }
        #expect(broken.allSatisfy { !OCRReference.isValid($0) })
        let stdnum = try Python.lines("""
            import sys
            from stdnum import luhn
            for line in sys.stdin.read().split():
                print("valid" if luhn.is_valid(line) else "invalid")
            """, input: broken)
        #expect(stdnum == Array(repeating: "invalid", count: broken.count))
    }

    @Test("invoice numbers: prefix, two-digit year, five-digit serial; prefixes of one length never collide")
    func invoiceNumbers() {
        #expect(BillingRules.invoiceNumber(prefix: 1, year: 2023, serial: 1) == "12300001")
        #expect(BillingRules.invoiceNumber(prefix: 2, year: 2023, serial: 1) == "22300001")
        #expect(BillingRules.invoiceNumber(prefix: 12, year: 2005, serial: 99_999) == "120599999")
        var seen = Set<String>()
        for prefix in 1...30 {
            for serial in [1, 2, 99_999] { #expect(seen.insert(BillingRules.invoiceNumber(prefix: prefix, year: 2023, serial: serial)).inserted) }
        }
    }

    @Test("VAT is rounded to the öre half away from zero, once per treatment")
    func vatRounding() {
        #expect(BillingRules.vat(on: Money(ore: 1234), rate: .reduced6) == Money(ore: 74)) // 74,04
        #expect(BillingRules.vat(on: Money(ore: 250), rate: .reduced6) == Money(ore: 15)) // 15,00
        #expect(BillingRules.vat(on: Money(ore: 2), rate: .standard) == Money(ore: 1)) // 0,5 → 1
        #expect(BillingRules.vat(on: Money(ore: -2), rate: .standard) == Money(ore: -1))
        #expect(BillingRules.vat(on: Money(kronor: 10_000), rate: .standard) == Money(kronor: 2_500))
        #expect(BillingRules.vat(on: Money(kronor: 80_500), rate: .outsideScope) == .zero)
        let vat = VATTreatment(rate: .reduced6)
        let lines = [1, 1, 1].map { _ in
            InvoiceLine(objectCode: "X", name: "x", net: Money(ore: 10), vat: vat, lineAmount: Money(ore: 30), weight: Fraction(1, 3)!, weightDescription: "1 of 3")
        }
        // Per line 0,6 öre rounds to 1 öre each (3 öre); once on the sum 30 öre × 6 % = 1,8 → 2 öre.
        #expect(BillingRules.vatSummaries(lines) == [VATSummary(vat: vat, net: Money(ore: 30), amount: Money(ore: 2))])
    }

    @Test("a credit note negates every amount, references the invoice and asks for no payment")
    func creditNote() {
        let issuer = InvoiceIssuer(party: "lulea", name: "Luleå kommun", organisationNumber: "212000-2742", bankgiro: "5050-1055", committeeName: "NBE")
        let recipient = InvoiceRecipient(party: "boden", name: "Bodens kommun", organisationNumber: "212000-2767",
                                         address: InvoiceAddress(lines: ["Box 1"], postalCode: "961 28", city: "Boden"), buyerReference: "R")
        let line = InvoiceLine(objectCode: "PLATT", name: "Plattform", net: Money(kronor: 10_000), vat: VATTreatment(rate: .standard),
                               lineAmount: Money(kronor: 140_000), weight: Fraction(1, 14)!, weightDescription: "1 of 14")
        var invoice = BillingRules.invoice(committee: "NBE", run: 1, year: 2023, issuer: issuer, recipient: recipient,
                                           period: .year(2023), scope: .taxed, lines: [line])
        #expect(invoice.total == Money(kronor: 12_500))
        invoice.number = "12300001"
        invoice.paymentReference = OCRReference.make(from: "12300001")
        invoice.dueDate = CalendarDate("2023-02-09")
        let credit = BillingRules.creditNote(of: invoice, number: "12300002", on: CalendarDate("2023-03-01")!, reason: "fel belopp")
        #expect(credit.kind == .creditNote)
        #expect(credit.credits == "12300001")
        #expect(credit.total == Money(kronor: -12_500))
        #expect(credit.vatTotal == Money(kronor: -2_500))
        #expect(credit.lines.map(\.net) == [Money(kronor: -10_000)])
        #expect(credit.paymentReference == nil)
        #expect(credit.dueDate == nil)
    }
}

/// Whether python-stdnum is importable.
enum PythonStdnum {
    static let available: Bool = (try? Python.lines("import stdnum.luhn\nprint('yes')", input: [])) == ["yes"]
}
