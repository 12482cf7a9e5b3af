import ServiceSupport

/// `fenliu.feedback.v1.FeedbackService`.
struct FeedbackHandlers: FeedbackServiceHandler {}
