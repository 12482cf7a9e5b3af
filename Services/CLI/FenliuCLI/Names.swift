import FenliuModel

/// Words for people: the Chinese names a dispatcher reads, with the wire code beside them where a
/// script or a colleague on the phone needs it.
enum Names {
    static func category(_ value: Fenliu_Common_V1_Category) -> String {
        guard let category = Category(proto: value) else { return "—" }
        return "\(category.chineseName) \(category.code)"
    }

    static func destination(_ value: Fenliu_Common_V1_Destination) -> String {
        switch value {
        case .police110: "110"
        case .hotline12345: "12345"
        case .fire119: "119"
        case .medical120: "120"
        default: "?"
        }
    }

    static func channel(_ value: Fenliu_Common_V1_Channel) -> String {
        switch value {
        case .channel110: "110"
        case .channel12345: "12345"
        case .channel119: "119"
        case .channel120: "120"
        case .open311: "Open311"
        default: "?"
        }
    }

    /// `110` → `CHANNEL_110`; `open311` → `CHANNEL_OPEN311`.
    static func channel(parsing text: String) -> Fenliu_Common_V1_Channel? {
        let code = text.uppercased().hasPrefix("CHANNEL_") ? text.uppercased() : "CHANNEL_" + text.uppercased()
        return Channel(code: code)?.proto
    }

    static func state(_ value: Fenliu_Common_V1_TicketStatus) -> String {
        TicketState(proto: value)?.rawValue ?? "—"
    }

    static func district(_ code: String) -> String {
        District.withCode(code)?.name ?? (code.isEmpty ? "—" : code)
    }

    static func kind(_ value: Fenliu_Common_V1_TicketKind) -> String {
        switch value {
        case .workOrder: "work order"
        case .policeTicket: "police ticket"
        case .alert: "alert"
        default: "ticket"
        }
    }

    static func priority(_ value: Fenliu_Common_V1_Priority) -> String {
        switch value {
        case .emergency: "EMERGENCY"
        case .pinned: "PINNED 置顶"
        case .urgent: "URGENT"
        case .normal: "NORMAL"
        default: "—"
        }
    }

    static func event(_ value: Fenliu_Feedback_V1_EventKind) -> String {
        switch value {
        case .stateChanged: "state"
        case .reminder: "reminder"
        case .overdue: "OVERDUE 超时"
        case .escalation: "escalated 督办"
        case .callbackRecorded: "callback 回访"
        case .extensionRefused: "extension refused"
        case .reassigned: "reassigned"
        default: "event"
        }
    }

    static func satisfaction(_ value: Fenliu_Feedback_V1_Satisfaction) -> String {
        switch value {
        case .satisfied: "SATISFIED 满意"
        case .basicallySatisfied: "BASICALLY_SATISFIED 基本满意"
        case .notSatisfied: "NOT_SATISFIED 不满意"
        case .unreachable: "UNREACHABLE 未联系上"
        default: "—"
        }
    }

    static func decision(_ value: Fenliu_Classification_V1_DecisionState) -> String {
        switch value {
        case .decided: "decided"
        case .pendingReview: "held for review"
        // A safety flag, or a call still meant for an emergency service: not always a flag.
        case .routedPendingReview: "routed at once, in review"
        case .reviewed: "reviewed"
        default: "—"
        }
    }

    /// The environment variable of a department's key in the stack's keys.env (keys.py's rule).
    static func departmentKeyVariable(_ id: String) -> String {
        "FENLIU_KEY_DEPT_" + String(id.map { $0.isLetter || $0.isNumber ? Character($0.uppercased()) : "_" })
    }
}
