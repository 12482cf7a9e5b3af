/// The methods of `fenliu.intake.v1.IntakeService`.
public enum IntakeAPI {
    /// The fully-qualified service name.
    public static let service = "fenliu.intake.v1.IntakeService"
    public static let submitCall = RPCMethod<Fenliu_Intake_V1_SubmitCallRequest, Fenliu_Intake_V1_SubmitCallResponse>(service: service, name: "SubmitCall")
    public static let getCall = RPCMethod<Fenliu_Intake_V1_GetCallRequest, Fenliu_Intake_V1_GetCallResponse>(service: service, name: "GetCall", hasNoSideEffects: true)
    public static let listCalls = RPCMethod<Fenliu_Intake_V1_ListCallsRequest, Fenliu_Intake_V1_ListCallsResponse>(service: service, name: "ListCalls", hasNoSideEffects: true)
    public static let updateCallElements = RPCMethod<Fenliu_Intake_V1_UpdateCallElementsRequest, Fenliu_Intake_V1_UpdateCallElementsResponse>(service: service, name: "UpdateCallElements")
    public static let attachClassification = RPCMethod<Fenliu_Intake_V1_AttachClassificationRequest, Fenliu_Intake_V1_AttachClassificationResponse>(service: service, name: "AttachClassification")
    /// Every method name, in `.proto` order.
    public static let methodNames = ["SubmitCall", "GetCall", "ListCalls", "UpdateCallElements", "AttachClassification"]
}

/// The methods of `fenliu.classification.v1.ClassificationService`.
public enum ClassificationAPI {
    /// The fully-qualified service name.
    public static let service = "fenliu.classification.v1.ClassificationService"
    public static let classifyText = RPCMethod<Fenliu_Classification_V1_ClassifyTextRequest, Fenliu_Classification_V1_ClassifyTextResponse>(service: service, name: "ClassifyText", hasNoSideEffects: true)
    public static let classify = RPCMethod<Fenliu_Classification_V1_ClassifyRequest, Fenliu_Classification_V1_ClassifyResponse>(service: service, name: "Classify")
    public static let getDecision = RPCMethod<Fenliu_Classification_V1_GetDecisionRequest, Fenliu_Classification_V1_GetDecisionResponse>(service: service, name: "GetDecision", hasNoSideEffects: true)
    public static let listReviewQueue = RPCMethod<Fenliu_Classification_V1_ListReviewQueueRequest, Fenliu_Classification_V1_ListReviewQueueResponse>(service: service, name: "ListReviewQueue", hasNoSideEffects: true)
    public static let resolveReview = RPCMethod<Fenliu_Classification_V1_ResolveReviewRequest, Fenliu_Classification_V1_ResolveReviewResponse>(service: service, name: "ResolveReview")
    public static let getCatalogue = RPCMethod<Fenliu_Classification_V1_GetCatalogueRequest, Fenliu_Classification_V1_GetCatalogueResponse>(service: service, name: "GetCatalogue", hasNoSideEffects: true)
    public static let publishCatalogue = RPCMethod<Fenliu_Classification_V1_PublishCatalogueRequest, Fenliu_Classification_V1_PublishCatalogueResponse>(service: service, name: "PublishCatalogue")
    /// Every method name, in `.proto` order.
    public static let methodNames = ["ClassifyText", "Classify", "GetDecision", "ListReviewQueue", "ResolveReview", "GetCatalogue", "PublishCatalogue"]
}

/// The methods of `fenliu.routing.v1.RoutingService`.
public enum RoutingAPI {
    /// The fully-qualified service name.
    public static let service = "fenliu.routing.v1.RoutingService"
    public static let route = RPCMethod<Fenliu_Routing_V1_RouteRequest, Fenliu_Routing_V1_RouteResponse>(service: service, name: "Route")
    public static let getTicket = RPCMethod<Fenliu_Routing_V1_GetTicketRequest, Fenliu_Routing_V1_GetTicketResponse>(service: service, name: "GetTicket", hasNoSideEffects: true)
    public static let listTickets = RPCMethod<Fenliu_Routing_V1_ListTicketsRequest, Fenliu_Routing_V1_ListTicketsResponse>(service: service, name: "ListTickets", hasNoSideEffects: true)
    public static let returnTicket = RPCMethod<Fenliu_Routing_V1_ReturnTicketRequest, Fenliu_Routing_V1_ReturnTicketResponse>(service: service, name: "ReturnTicket")
    public static let assignTicket = RPCMethod<Fenliu_Routing_V1_AssignTicketRequest, Fenliu_Routing_V1_AssignTicketResponse>(service: service, name: "AssignTicket")
    public static let listDepartments = RPCMethod<Fenliu_Routing_V1_ListDepartmentsRequest, Fenliu_Routing_V1_ListDepartmentsResponse>(service: service, name: "ListDepartments", hasNoSideEffects: true)
    public static let upsertDepartment = RPCMethod<Fenliu_Routing_V1_UpsertDepartmentRequest, Fenliu_Routing_V1_UpsertDepartmentResponse>(service: service, name: "UpsertDepartment")
    public static let getRoutingRules = RPCMethod<Fenliu_Routing_V1_GetRoutingRulesRequest, Fenliu_Routing_V1_GetRoutingRulesResponse>(service: service, name: "GetRoutingRules", hasNoSideEffects: true)
    public static let publishRoutingRules = RPCMethod<Fenliu_Routing_V1_PublishRoutingRulesRequest, Fenliu_Routing_V1_PublishRoutingRulesResponse>(service: service, name: "PublishRoutingRules")
    public static let listDisputes = RPCMethod<Fenliu_Routing_V1_ListDisputesRequest, Fenliu_Routing_V1_ListDisputesResponse>(service: service, name: "ListDisputes", hasNoSideEffects: true)
    /// Every method name, in `.proto` order.
    public static let methodNames = ["Route", "GetTicket", "ListTickets", "ReturnTicket", "AssignTicket", "ListDepartments", "UpsertDepartment", "GetRoutingRules", "PublishRoutingRules", "ListDisputes"]
}

/// The methods of `fenliu.feedback.v1.FeedbackService`.
public enum FeedbackAPI {
    /// The fully-qualified service name.
    public static let service = "fenliu.feedback.v1.FeedbackService"
    public static let trackTicket = RPCMethod<Fenliu_Feedback_V1_TrackTicketRequest, Fenliu_Feedback_V1_TrackTicketResponse>(service: service, name: "TrackTicket")
    public static let recordEvent = RPCMethod<Fenliu_Feedback_V1_RecordEventRequest, Fenliu_Feedback_V1_RecordEventResponse>(service: service, name: "RecordEvent")
    public static let getTimeline = RPCMethod<Fenliu_Feedback_V1_GetTimelineRequest, Fenliu_Feedback_V1_GetTimelineResponse>(service: service, name: "GetTimeline", hasNoSideEffects: true)
    public static let subscribe = RPCMethod<Fenliu_Feedback_V1_SubscribeRequest, Fenliu_Feedback_V1_SubscribeResponse>(service: service, name: "Subscribe")
    public static let recordCallback = RPCMethod<Fenliu_Feedback_V1_RecordCallbackRequest, Fenliu_Feedback_V1_RecordCallbackResponse>(service: service, name: "RecordCallback")
    /// Every method name, in `.proto` order.
    public static let methodNames = ["TrackTicket", "RecordEvent", "GetTimeline", "Subscribe", "RecordCallback"]
}

/// The methods of `fenliu.reporting.v1.ReportingService`.
public enum ReportingAPI {
    /// The fully-qualified service name.
    public static let service = "fenliu.reporting.v1.ReportingService"
    public static let ingestEvents = RPCMethod<Fenliu_Reporting_V1_IngestEventsRequest, Fenliu_Reporting_V1_IngestEventsResponse>(service: service, name: "IngestEvents")
    public static let getMonthlyBulletin = RPCMethod<Fenliu_Reporting_V1_GetMonthlyBulletinRequest, Fenliu_Reporting_V1_GetMonthlyBulletinResponse>(service: service, name: "GetMonthlyBulletin", hasNoSideEffects: true)
    public static let listDisputedMatters = RPCMethod<Fenliu_Reporting_V1_ListDisputedMattersRequest, Fenliu_Reporting_V1_ListDisputedMattersResponse>(service: service, name: "ListDisputedMatters", hasNoSideEffects: true)
    /// Every method name, in `.proto` order.
    public static let methodNames = ["IngestEvents", "GetMonthlyBulletin", "ListDisputedMatters"]
}

/// The methods of `fenliu.admin.v1.AdminService`, which every service serves.
public enum AdminAPI {
    /// The fully-qualified service name.
    public static let service = "fenliu.admin.v1.AdminService"
    public static let listOutbox = RPCMethod<Fenliu_Admin_V1_ListOutboxRequest, Fenliu_Admin_V1_ListOutboxResponse>(service: service, name: "ListOutbox", hasNoSideEffects: true)
    public static let retryOutboxMessage = RPCMethod<Fenliu_Admin_V1_RetryOutboxMessageRequest, Fenliu_Admin_V1_RetryOutboxMessageResponse>(service: service, name: "RetryOutboxMessage")
    /// Every method name, in `.proto` order.
    public static let methodNames = ["ListOutbox", "RetryOutboxMessage"]
}
