import Foundation
import SwiftProtobuf

extension Google_Protobuf_Timestamp {
    /// A timestamp at PostgreSQL's microsecond precision, so a stored time does not come back with
    /// nanosecond noise from the `Date` (a `Double`) it travelled through.
    public init(microsecondsOf date: Date) {
        let scaled = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let micros = Int64(exactly: scaled) ?? 0
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        self.init(seconds: seconds, nanos: Int32(micros - seconds * 1_000_000) * 1000)
    }
}
