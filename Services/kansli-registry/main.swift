// kansli-registry: committees, parties, members and ersättare. See RegistryService.
import RegistryService
import KansliService

ServiceMain.run(RegistryDefinition(), defaultPort: 7401)
