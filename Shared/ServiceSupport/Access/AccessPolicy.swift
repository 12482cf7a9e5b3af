import FenliuModel

/// Who may call what: every method of every service, in one table (README, "Keys and scopes").
///
/// A method not in the table is refused to everyone (a new RPC is closed until someone decides who
/// may call it; a test fails while any method is missing). Passing the table is the first check:
/// handlers then narrow a channel's or a department's view to its own records, and a record that is
/// not theirs is `not_found`, so ids cannot be probed.
public enum AccessPolicy {
    /// A kind of scope that may call a method, or one service.
    public enum Grant: Hashable, Sendable {
        case kind(Scope.Kind)
        case service(ServiceName)
    }

    private static let admin = Grant.kind(.admin)
    private static let supervisor = Grant.kind(.supervisor)
    private static let reviewer = Grant.kind(.reviewer)
    private static let reporting = Grant.kind(.reporting)
    private static let channel = Grant.kind(.channel)
    private static let department = Grant.kind(.department)
    private static let open311 = Grant.kind(.open311)

    private static func services(_ names: ServiceName...) -> [Grant] { names.map(Grant.service) }

    /// Every method path and who may call it.
    public static let table: [String: Set<Grant>] = {
        var table = [String: [Grant]]()
        // Intake: the hotlines submit and read their own calls; classification attaches its decision.
        table[IntakeAPI.submitCall.path] = [channel, supervisor]
        table[IntakeAPI.getCall.path] = [channel, supervisor, department]  // a department: the calls it holds tickets for
        table[IntakeAPI.listCalls.path] = [channel, supervisor]
        table[IntakeAPI.updateCallElements.path] = [channel, supervisor]
        table[IntakeAPI.attachClassification.path] = services(.classification)
        table[IntakeAPI.reencryptPersonalData.path] = [admin]
        // Classification: intake hands calls over; reviewers work the queue; supervisors publish.
        table[ClassificationAPI.classifyText.path] = [channel, supervisor, reviewer]
        table[ClassificationAPI.classify.path] = services(.intake)
        table[ClassificationAPI.getDecision.path] = [channel, supervisor, reviewer]
        table[ClassificationAPI.listReviewQueue.path] = [reviewer, supervisor]
        table[ClassificationAPI.resolveReview.path] = [reviewer, supervisor]
        table[ClassificationAPI.getCatalogue.path] = [channel, supervisor, reviewer, department, open311] + services(.intake)
        table[ClassificationAPI.publishCatalogue.path] = [supervisor]
        // Routing: classification routes; departments and hotlines read their tickets; the 12345
        // centre assigns, keeps the directory and the rules; feedback reports states and returns.
        table[RoutingAPI.route.path] = services(.classification)
        table[RoutingAPI.getTicket.path] = [channel, department, supervisor]
        table[RoutingAPI.listTickets.path] = [channel, department, supervisor]
        table[RoutingAPI.returnTicket.path] = [supervisor] + services(.feedback)
        table[RoutingAPI.assignTicket.path] = [supervisor]
        table[RoutingAPI.listDepartments.path] = [supervisor, department, channel]
        table[RoutingAPI.upsertDepartment.path] = [supervisor]
        table[RoutingAPI.getRoutingRules.path] = [supervisor]
        table[RoutingAPI.publishRoutingRules.path] = [supervisor]
        table[RoutingAPI.updateTicketStatus.path] = services(.feedback)
        table[RoutingAPI.listDisputes.path] = [supervisor]
        // Feedback: routing hands tickets over; holders report; the 12345 centre approves
        // extensions and calls back; subscribers follow what they may see.
        table[FeedbackAPI.trackTicket.path] = services(.routing)
        table[FeedbackAPI.reportStatus.path] = [department, channel, supervisor]
        table[FeedbackAPI.requestExtension.path] = [department, supervisor]
        table[FeedbackAPI.approveExtension.path] = [supervisor]
        table[FeedbackAPI.refuseExtension.path] = [supervisor]
        table[FeedbackAPI.recordCallback.path] = [supervisor, Grant.kind(.channel)]
        table[FeedbackAPI.getTicket.path] = [department, channel, supervisor]
        table[FeedbackAPI.listTickets.path] = [department, channel, supervisor] + services(.intake)
        table[FeedbackAPI.listEvents.path] = [department, channel, supervisor] + services(.intake)
        table[FeedbackAPI.subscribe.path] = [department, channel, supervisor]
        table[FeedbackAPI.unsubscribe.path] = [department, channel, supervisor]
        table[FeedbackAPI.listSubscriptions.path] = [department, channel, supervisor]
        // Reporting: every service sends its events; figures are for reporting keys and supervisors.
        table[ReportingAPI.ingestEvents.path] = services(.intake, .classification, .routing, .feedback)
        for method in [
            ReportingAPI.getMonthlyBulletin.path, ReportingAPI.queryMetrics.path, ReportingAPI.listDisputedMatters.path,
            ReportingAPI.listHotspots.path, ReportingAPI.getHopLatency.path, ReportingAPI.getClassificationQuality.path,
            ReportingAPI.explainFigure.path,
        ] {
            table[method] = [reporting, supervisor]
        }
        table[ReportingAPI.rebuildMonth.path] = [admin]
        // Every service's operations.
        for name in AdminAPI.methodNames { table["/\(AdminAPI.service)/\(name)"] = [admin] }
        table[AdminAPI.listAudit.path] = [admin, supervisor]
        // Each service's outbox delivers its hand-offs in batches; each delivery is checked again
        // against its own method's line above.
        table[AdminAPI.deliver.path] = services(.intake, .classification, .routing, .feedback)
        return table.mapValues(Set.init)
    }()

    /// Whether `principal` may call the method at `path`.
    public static func allows(_ path: String, _ principal: Principal) -> Bool {
        guard let grants = table[path] else { return false }
        return principal.scopes.contains { scope in
            if case .service(let service) = scope { return grants.contains(.service(service)) }
            return grants.contains(.kind(scope.kind))
        }
    }
}
