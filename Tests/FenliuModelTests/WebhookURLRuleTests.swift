import FenliuModel
import Testing

/// The delivery-URL rule: no link-local or unspecified address however the address is spelled
/// (libcurl reads decimal, hex, octal and short IPv4 forms as addresses), loopback and names allowed.
@Suite("Delivery URLs")
struct WebhookURLRuleTests {
    @Test(
        "a link-local or unspecified address is refused in any spelling libcurl reads as one",
        arguments: [
            "http://169.254.169.254/latest", "http://2852039166/", "http://0xA9FEA9FE/", "http://0xa9.0xfe.0xa9.0xfe/",
            "http://0251.0376.0251.0376/", "http://169.254.43518/", "http://169.254.169.254./", "http://a@169.254.169.254/",
            "http://0.0.0.0:8090/h", "http://0/", "http://[::]/", "http://[fe80::1]/h", "http://[FE80::1%25eth0]/h",
            "http://[::ffff:169.254.1.1]/h", "http://[::ffff:a9fe:a9fe]/", "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
            "http://[0::ffff:169.254.169.254]/", "http://[::0]/", "http://[0::]/", "http://[fe80::1%25eth0]/h",
        ])
    func refused(url: String) {
        #expect(FieldViolation.webhookURL(url, field: "url")?.field == "url", "\(url)")
    }

    @Test(
        "loopback, private addresses and names are allowed; a malformed URL is refused for its shape",
        arguments: [
            ("http://127.0.0.1:8090/hooks/x", true), ("http://10.0.0.5/h", true), ("https://receiver:8090/hooks", true),
            ("https://hooks.example.cn/fenliu", true), ("http://169.254.example.cn/", true), ("http://[::1]:8090/h", true),
            ("ftp://x/h", false), ("http:// x/h", false), ("http://", false),
        ])
    func allowed(url: String, accepted: Bool) {
        #expect((FieldViolation.webhookURL(url, field: "url") == nil) == accepted, "\(url)")
    }
}
