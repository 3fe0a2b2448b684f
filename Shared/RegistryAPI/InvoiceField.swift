/// One of the details of `InvoiceDetails`, as `InvoiceDetails.invented` names it: a detail that is
/// made up (for a demonstration or a test) rather than taken from the party, so that invoicing can
/// warn before it sends anything to it.
public enum InvoiceField: String, RegistryEnumeration, Sendable {
    /// The postal address.
    case address
    /// The buyer's reference.
    case buyerReference
    /// The Peppol participant id.
    case peppolID
    /// The host's bankgiro number.
    case bankgiro
}
