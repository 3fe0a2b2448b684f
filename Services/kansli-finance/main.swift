// kansli-finance: budgets, allocations and invoices. See FinanceService.
import FinanceService
import KansliService

ServiceMain.run(FinanceDefinition(), defaultPort: 7402)
