import FenliuModel
import Foundation
import ServiceSupport

extension CallRecord {
    /// What reporting learns of a received call: its line, district, incident and a coarse place —
    /// never the caller's name, phone, email or address.
    func receivedEvent(_ reporter: EventReporter) -> Fenliu_Reporting_V1_Event {
        var event = reporter.event("call.received", key: [id.uuidString.lowercased()], at: submission.receivedAt)
        event.callID = id.uuidString.lowercased()
        event.channel = submission.channel.proto
        event.district = submission.district?.code ?? ""
        event.attributes["incident_id"] = (duplicateOf ?? id).uuidString.lowercased()
        if let place = Self.place(latitude: submission.latitude, longitude: submission.longitude) { event.attributes["place"] = place }
        if let code = submission.open311ServiceCode { event.attributes["open311_service"] = code }
        return event
    }

    /// The grid cell of about 500 m a point falls in ("30.655,104.065"): close enough to see repeated
    /// calls about one place, too coarse to locate a caller.
    static func place(latitude: Double?, longitude: Double?) -> String? {
        guard let latitude, let longitude, latitude.isFinite, longitude.isFinite else { return nil }
        func cell(_ value: Double) -> String {
            let snapped = (value / 0.005).rounded(.down) * 0.005
            return String(format: "%.3f", snapped)
        }
        return "\(cell(latitude)),\(cell(longitude))"
    }
}
