import FeedbackService
import ServiceSupport

await ServiceMain.run(FeedbackModule.self)
