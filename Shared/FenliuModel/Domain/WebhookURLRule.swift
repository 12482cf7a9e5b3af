import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The rule for the URLs Fenliu delivers to (feedback's subscriptions, routing's department
/// endpoints): http or https, at most 2,048 characters, no white space or control characters, and
/// not a link-local or unspecified address — 169.254.169.254 is a cloud's metadata service, which a
/// subscriber must not be able to make the services call. Loopback and private addresses stay
/// allowed: the local stack and compose deliver to them. Only an address written in the URL is
/// checked; a name is not resolved here.
extension FieldViolation {
    /// What is wrong with `url` as a delivery URL in `field`, or `nil`.
    public static func webhookURL(_ url: String, field: String) -> FieldViolation? {
        let shape = "must be an http:// or https:// URL of at most 2048 characters"
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.count <= 2048, !url.contains(where: \.isWhitespace),
            !url.containsControlCharacter(allowingLineBreaks: false), let host = URL(string: url)?.host, !host.isEmpty
        else { return FieldViolation(field: field, description: shape) }
        if isLinkLocalOrUnspecified(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()) {
            return FieldViolation(field: field, description: "must not name a link-local or unspecified address (\(host))")
        }
        return nil
    }

    private static func isLinkLocalOrUnspecified(_ host: String) -> Bool {
        if let address = ipv4(host) { return address >> 24 == 0 || address >> 16 == 0xA9FE }
        guard host.contains(":") else { return false }
        // IPv6, read by the C library as libcurl's connect will (::ffff:a9fe:a9fe and
        // 0:0:0:0:0:ffff:169.254.169.254 are one address; a zone after % is dropped): unspecified (::),
        // link-local (fe80::/10), or an IPv4 address mapped into it (::ffff:0:0/96), which Linux
        // sends over IPv4. Not an address the library can read: refused, to be safe.
        var bytes = [UInt8](repeating: 0, count: 16)
        let literal = String(host.prefix { $0 != "%" })
        guard inet_pton(AF_INET6, literal, &bytes) == 1 else { return true }
        if bytes.allSatisfy({ $0 == 0 }) || (bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80) { return true }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            let mapped = bytes[12...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return mapped >> 24 == 0 || mapped >> 16 == 0xA9FE
        }
        return false
    }

    /// The IPv4 address `host` spells, read as libcurl (and a browser) reads it: one to four parts,
    /// each decimal, `0x` hex or `0`-led octal, the last filling the bytes left (2852039166,
    /// 0xA9FEA9FE and 169.254.43518 are all 169.254.169.254), a trailing dot allowed; `nil` for a name.
    private static func ipv4(_ host: String) -> UInt32? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var values = [UInt64]()
        for part in parts {
            let lower = part.lowercased()
            let value: UInt64?
            if lower.hasPrefix("0x") {
                value = lower.count == 2 ? 0 : UInt64(lower.dropFirst(2), radix: 16)
            } else if lower.count > 1, lower.hasPrefix("0") {
                value = UInt64(lower.dropFirst(), radix: 8)
            } else {
                value = UInt64(lower, radix: 10)
            }
            guard let value, value <= UInt64(UInt32.max) else { return nil }
            values.append(value)
        }
        guard values.dropLast().allSatisfy({ $0 <= 255 }), let last = values.last, last < (UInt64(1) << (8 * (5 - values.count))) else {
            return nil
        }
        return UInt32(values.dropLast().enumerated().reduce(last) { $0 | ($1.element << (8 * (3 - $1.offset))) })
    }
}
