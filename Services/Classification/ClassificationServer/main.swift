import ClassificationService
import ServiceSupport

await ServiceMain.run(ClassificationModule.self)
