// kansli-documents: meetings, minutes, signatures and notices. See DocumentsService.
import DocumentsService
import KansliService

ServiceMain.run(DocumentsDefinition(), defaultPort: 7403)
