import Crypto
import Foundation
import Postgres

/// Signs outbound webhooks so a receiver can check they come from Fenliu and were not altered.
///
/// Header `Fenliu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`, where the HMAC key is the
/// destination's secret and the signed bytes are `"<t>." + body`. Including the time lets the receiver
/// refuse replays older than its tolerance. The README shows how to verify in a few lines.
public enum WebhookSignature {
    /// The header that carries the signature.
    public static let headerName = "Fenliu-Signature"

    /// The header value for `body` sent at `time`.
    public static func header(for body: [UInt8], secret: String, time: Date = Date()) -> String {
        let timestamp = Int64(time.timeIntervalSince1970)
        return "t=\(timestamp),v1=\(hexMAC(body: body, secret: secret, timestamp: timestamp))"
    }

    /// Whether `header` is a valid signature of `body` made within `tolerance` of `now`.
    public static func verify(
        header: String, body: [UInt8], secret: String, now: Date = Date(), tolerance: TimeInterval = 300
    ) -> Bool {
        var timestamp: Int64?
        var signatures = [String]()
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let key = SymmetricKey(data: Data(secret.utf8))
        let signed = Data("\(timestamp).".utf8) + Data(body)
        return signatures.contains { signature in
            guard let mac = Hex.decode(signature.utf8) else { return false }
            return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: key)
        }
    }

    static func hexMAC(body: [UInt8], secret: String, timestamp: Int64) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Data("\(timestamp).".utf8))
        hmac.update(data: body)
        return Hex.encode(hmac.finalize())
    }
}
