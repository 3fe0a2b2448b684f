// FinanceAPI: what `kansli-finance` speaks — budgets and who pays what.
//
// This module holds the finance service's values (`Money` in integer öre, `VATTreatment`, the
// allocation models, budget lines, budgets and their statuses, allocation results with their
// explanation and recorded inputs), the request and response messages of every finance method,
// and the method table `FinanceMethods` (ids 0x0200…0x02FF).
//
// Money is never floating point: amounts are `Int64` öre, exact shares are a whole number of öre
// plus an explicit remainder fraction (`ExactAmount`), and ratios (a mix's equal part, an
// indexation) are integer fractions (`Fraction`).
//
// Parties are named by the registry's lower-case codes (`lulea`); the finance service copies the
// organisationsnummer, host flag and membership dates it used into every allocation's inputs.
//
// This module must not open sockets, touch SQLite or hold the allocation rules themselves: those
// live in the FinanceService library (`Allocation/`).
import KansliProtocol
