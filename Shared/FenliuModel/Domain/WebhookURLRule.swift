import Foundation

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
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        if octets.count == 4, octets.allSatisfy({ $0 != nil }) {
            return octets[0] == 0 || (octets[0] == 169 && octets[1] == 254)
        }
        guard host.contains(":") else { return false }
        // IPv6: unspecified (::), link-local (fe80::/10), or an IPv4 address mapped into it.
        if host == "::" || ["fe8", "fe9", "fea", "feb"].contains(where: host.hasPrefix) { return true }
        if host.hasPrefix("::ffff:") { return isLinkLocalOrUnspecified(String(host.dropFirst(7))) }
        return false
    }
}
