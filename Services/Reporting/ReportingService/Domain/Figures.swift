/// A share: how many of how many. A rate with nothing to divide is 0 and says so (`isEmpty`).
struct Ratio: Sendable, Equatable {
    var numerator: Int64 = 0
    var denominator: Int64 = 0

    var isEmpty: Bool { denominator == 0 }
    var value: Double { denominator == 0 ? 0 : Double(numerator) / Double(denominator) }
}

/// The bulletin's figures for one department, one district or the city (see README, "Reporting",
/// for every definition).
struct Figures: Sendable, Equatable {
    var calls: Int64 = 0
    var callsByChannel: [String: Int64] = [:]
    var diversion = Ratio()
    var handedTo110: Int64 = 0
    var tickets: Int64 = 0
    var timelySignFor = Ratio()
    var onTimeResolution = Ratio()
    /// Holdings returned / holdings: each department that held one of the tickets counts once.
    var returns = Ratio()
    var reopens = Ratio()
    var overdue: Int64 = 0
    var extensions: Int64 = 0
    var satisfaction = Ratio()
    var diversionObjections: Int64 = 0
}

/// The department ranking (绩效排名): a weighted mean of the rates a department controls —
/// on-time resolution 0.3, timely sign-for 0.2, satisfaction 0.3, no return 0.2. A rate with
/// nothing to divide (no ticket resolved yet, no callback reached) is left out and the others'
/// weights scale up, so a department is judged only on what it did. A department that held none of
/// the month's tickets is not ranked.
enum Ranking {
    static func score(_ figures: Figures) -> Double? {
        guard figures.tickets > 0 || figures.returns.denominator > 0 else { return nil }
        let parts: [(Ratio, Double, Bool)] = [
            (figures.onTimeResolution, 0.3, false), (figures.timelySignFor, 0.2, false), (figures.satisfaction, 0.3, false),
            (figures.returns, 0.2, true),
        ]
        var total = 0.0
        var weights = 0.0
        for (ratio, weight, inverted) in parts where !ratio.isEmpty {
            total += weight * (inverted ? 1 - ratio.value : ratio.value)
            weights += weight
        }
        return weights == 0 ? nil : total / weights
    }
}

extension Ratio {
    static func + (lhs: Ratio, rhs: Ratio) -> Ratio {
        Ratio(numerator: lhs.numerator + rhs.numerator, denominator: lhs.denominator + rhs.denominator)
    }
}

extension Figures {
    /// The figures of two disjoint parts together: counts add, rates add numerators and denominators.
    static func + (lhs: Figures, rhs: Figures) -> Figures {
        Figures(
            calls: lhs.calls + rhs.calls, callsByChannel: lhs.callsByChannel.merging(rhs.callsByChannel, uniquingKeysWith: +),
            diversion: lhs.diversion + rhs.diversion, handedTo110: lhs.handedTo110 + rhs.handedTo110, tickets: lhs.tickets + rhs.tickets,
            timelySignFor: lhs.timelySignFor + rhs.timelySignFor, onTimeResolution: lhs.onTimeResolution + rhs.onTimeResolution,
            returns: lhs.returns + rhs.returns, reopens: lhs.reopens + rhs.reopens, overdue: lhs.overdue + rhs.overdue,
            extensions: lhs.extensions + rhs.extensions, satisfaction: lhs.satisfaction + rhs.satisfaction,
            diversionObjections: lhs.diversionObjections + rhs.diversionObjections
        )
    }
}
