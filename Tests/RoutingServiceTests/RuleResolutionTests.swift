import FenliuModel
import Foundation
import Testing

@testable import RoutingService

/// A small directory shaped like the seed: 锦江区's own departments, the municipal bureaus, the
/// emergency agencies and the 12345 centre.
enum SampleDirectory {
    static let departments = [
        Department(id: "municipal-12345", name: "成都市网络理政中心", level: .municipal),
        Department(id: "municipal-rsj", name: "成都市人力资源和社会保障局", level: .municipal),
        Department(id: "municipal-cgw", name: "成都市城市管理委员会", level: .municipal),
        Department(id: "police-110", name: "成都市公安局110指挥中心", level: .municipal),
        Department(id: "fire-119", name: "成都市消防救援支队指挥中心", level: .municipal),
        Department(id: "medical-120", name: "成都市急救指挥中心", level: .municipal),
        Department(id: "510104-gov", name: "锦江区人民政府", level: .district, district: "510104"),
        Department(id: "510104-cgzf", name: "锦江区综合行政执法局", level: .district, district: "510104"),
        Department(id: "510104-rsj", name: "锦江区人力资源和社会保障局", level: .district, district: "510104"),
        Department(id: "510105-rsj", name: "青羊区人力资源和社会保障局", level: .district, district: "510105", isActive: false),
    ]

    static let rules = [
        RoutingRule(category: .cityAppearance, district: "510104", departmentID: "510104-cgzf"),
        RoutingRule(category: .cityAppearance, district: "", departmentID: "municipal-cgw"),
        RoutingRule(category: .laborWages, district: "510104", departmentID: "510104-rsj"),
        RoutingRule(category: .laborWages, district: "510105", departmentID: "510105-rsj"),
        RoutingRule(category: .laborWages, district: "", departmentID: "municipal-rsj"),
        RoutingRule(category: .crimeReport, district: "", departmentID: "police-110"),
    ]

    static let resolver = RuleResolver(rules: rules, departments: departments)
}

@Suite("Rule resolution: 属地管理优先, 谁主管谁负责, then the fallback chain")
struct RuleResolutionTests {
    let resolver = SampleDirectory.resolver

    @Test("the district's own department comes first")
    func districtFirst() {
        let found = resolver.resolve(category: .cityAppearance, district: "510104")
        #expect(found.departmentID == "510104-cgzf")
        #expect(found.step == .districtRule)
    }

    @Test("without a district rule (or with an inactive department), the governing department")
    func cityWide() {
        #expect(resolver.resolve(category: .laborWages, district: "510107").departmentID == "municipal-rsj")
        #expect(resolver.resolve(category: .laborWages, district: "510105").departmentID == "municipal-rsj")
        #expect(resolver.resolve(category: .laborWages, district: "").step == .cityWideRule)
    }

    @Test("no rule fits: the district government, then the 12345 centre")
    func fallbackChain() {
        let government = resolver.resolve(category: .environment, district: "510104")
        #expect(government.departmentID == "510104-gov")
        #expect(government.step == .districtGovernment)
        let centre = resolver.resolve(category: .environment, district: "510107")
        #expect(centre.departmentID == "municipal-12345")
        #expect(centre.step == .municipalCentre)
        #expect(resolver.resolve(category: .environment, district: "").departmentID == "municipal-12345")
    }

    @Test("a work order never goes to an emergency agency, even when a rule names one")
    func noEmergencyAgencyForWorkOrders() {
        #expect(resolver.resolve(category: .crimeReport, district: "510104").departmentID == "510104-gov")
    }

    @Test("the full chain, and what comes next after returns")
    func chainAndNext() {
        #expect(
            resolver.candidates(category: .laborWages, district: "510104").map(\.departmentID)
                == ["510104-rsj", "municipal-rsj", "510104-gov", "municipal-12345"])
        #expect(resolver.next(category: .laborWages, district: "510104", excluding: ["510104-rsj"]).departmentID == "municipal-rsj")
        #expect(resolver.next(category: .laborWages, district: "", excluding: ["municipal-rsj"]).departmentID == "municipal-12345")
    }
}

@Suite("Ticket planning: kinds, priorities, queue order, returns")
struct TicketPlanningTests {
    let planner = TicketPlanner(resolver: SampleDirectory.resolver)

    @Test("a fire with injured people: one ticket each for 119, 120 and 110, all EMERGENCY")
    func fireWithInjured() {
        let plans = planner.plan(
            category: .fire, district: "510104", destinations: [.fire119, .medical120, .police110, .fire119], channel: .fire119, isUrgent: false)
        #expect(plans.map(\.destination) == [.fire119, .medical120, .police110])
        #expect(plans.map(\.kind) == [.alert, .alert, .policeTicket])
        #expect(plans.map(\.departmentID) == ["fire-119", "medical-120", "police-110"])
        #expect(plans.allSatisfy { $0.priority == .emergency && $0.state == .dispatched })
    }

    @Test("priority: PINNED from 110 to 12345, URGENT when marked, NORMAL otherwise")
    func priorities() {
        #expect(TicketPlanner.priority(destination: .hotline12345, channel: .police110, isUrgent: false) == .pinned)
        #expect(TicketPlanner.priority(destination: .hotline12345, channel: .police110, isUrgent: true) == .pinned)
        #expect(TicketPlanner.priority(destination: .hotline12345, channel: .hotline12345, isUrgent: true) == .urgent)
        #expect(TicketPlanner.priority(destination: .hotline12345, channel: .open311, isUrgent: false) == .normal)
        #expect(TicketPlanner.priority(destination: .police110, channel: .hotline12345, isUrgent: false) == .emergency)
    }

    @Test("only an urgent police matter from 12345 owes 110's one-hour feedback")
    func urgentFeedback() {
        let urgent = planner.plan(category: .crimeReport, district: "", destinations: [.police110], channel: .hotline12345, isUrgent: true)
        #expect(urgent.first?.owesUrgentFeedback == true)
        let calm = planner.plan(category: .crimeReport, district: "", destinations: [.police110], channel: .hotline12345, isUrgent: false)
        #expect(calm.first?.owesUrgentFeedback == false)
    }

    @Test("a work order no rule fits waits at the 12345 centre for manual assignment")
    func pendingAssignment() {
        let plan = planner.plan(category: .environment, district: "510107", destinations: [.hotline12345], channel: .hotline12345, isUrgent: false)
        #expect(plan.first?.departmentID == "municipal-12345")
        #expect(plan.first?.state == .pendingAssignment)
    }

    @Test("queues order by priority, then age")
    func queueOrder() {
        let now = Date()
        let keys = [
            QueueKey(priority: .normal, createdAt: now.addingTimeInterval(-600), id: "old-normal"),
            QueueKey(priority: .pinned, createdAt: now, id: "new-pinned"),
            QueueKey(priority: .urgent, createdAt: now.addingTimeInterval(-60), id: "urgent"),
            QueueKey(priority: .pinned, createdAt: now.addingTimeInterval(-30), id: "old-pinned"),
            QueueKey(priority: .emergency, createdAt: now, id: "emergency"),
        ]
        #expect(keys.sorted().map(\.id) == ["emergency", "old-pinned", "new-pinned", "urgent", "old-normal"])
    }

    @Test("returns: next department, then arbitration after the configured number")
    func returnPolicy() throws {
        let policy = ReturnPolicy(maximumReturns: 2)
        let next = RuleResolver.Candidate(departmentID: "municipal-rsj", step: .cityWideRule)
        let centre = RuleResolver.Candidate(departmentID: "municipal-12345", step: .municipalCentre)
        #expect(policy.outcome(returnCount: 1, next: next) == .reassigned(departmentID: "municipal-rsj"))
        #expect(policy.outcome(returnCount: 1, next: centre) == .pendingAssignment)
        #expect(policy.outcome(returnCount: 2, next: next) == .arbitration)
        #expect(ReturnPolicy(maximumReturns: 3).outcome(returnCount: 2, next: next) == .reassigned(departmentID: "municipal-rsj"))
        #expect(throws: ReturnPolicy.Refusal.notAWorkOrder) {
            try policy.check(kind: .policeTicket, state: .dispatched, holder: "police-110", departmentID: "police-110")
        }
        #expect(throws: ReturnPolicy.Refusal.notReturnable(.inArbitration)) {
            try policy.check(kind: .workOrder, state: .inArbitration, holder: "municipal-12345", departmentID: "municipal-12345")
        }
        #expect(throws: ReturnPolicy.Refusal.notHeldBy(departmentID: "a", holder: "b")) {
            try policy.check(kind: .workOrder, state: .accepted, holder: "b", departmentID: "a")
        }
    }
}
