import CCurl

/// One libcurl easy handle, cleaned up when this object goes.
///
/// Reusing a handle reuses its connection cache, so calls to the same peer keep their TCP
/// connection. A handle is used by one thread at a time; `HTTPClient` guarantees that.
final class CurlEasyHandle: @unchecked Sendable {
    private static let globalInit: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    private let handle: UnsafeMutableRawPointer

    init() throws {
        guard Self.globalInit, let handle = curl_easy_init() else {
            throw HTTPClientError(code: .transferFailed, message: "libcurl could not create a handle")
        }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Performs one exchange, blocking the calling thread.
    func perform(_ request: HTTPClientRequest, connectTimeout: Duration, timeout: Duration) throws -> HTTPClientResponse {
        curl_easy_reset(handle)
        let collector = ResponseCollector(policy: request.responseBody)
        let context = Unmanaged.passRetained(collector)
        defer { context.release() }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.headers {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        // libcurl would otherwise wait for "100 Continue" before sending larger bodies.
        headerList = curl_slist_append(headerList, "Expect:")

        try check(fenliu_curl_setopt_string(handle, CURLOPT_URL, request.url))
        try check(fenliu_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(fenliu_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeout.milliseconds))
        try check(fenliu_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeout.milliseconds))
        if case .collect = request.responseBody {
            // "" offers every encoding libcurl can decode; the limit applies to the decoded bytes.
            try check(fenliu_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        }
        try check(fenliu_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        try check(fenliu_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        try check(fenliu_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
        try check(fenliu_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, ResponseCollector.writeBody))
        try check(fenliu_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque()))
        try check(fenliu_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, ResponseCollector.writeHeader))
        try check(fenliu_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context.toOpaque()))

        let method = request.method.uppercased()
        switch method {
        case "GET": try check(fenliu_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case "HEAD": try check(fenliu_curl_setopt_long(handle, CURLOPT_NOBODY, 1))
        case "POST": try check(fenliu_curl_setopt_long(handle, CURLOPT_POST, 1))
        default: try check(fenliu_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
        }

        let body = request.body ?? (method == "POST" ? [] : nil)
        let code: CURLcode
        if let body {
            // COPYPOSTFIELDS copies the bytes, so the array need not outlive this call.
            try check(fenliu_curl_setopt_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            code = body.withUnsafeBufferPointer { buffer in
                let copied =
                    if let base = buffer.baseAddress {
                        fenliu_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                    } else {
                        fenliu_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                    }
                return copied == CURLE_OK ? curl_easy_perform(handle) : copied
            }
        } else {
            code = curl_easy_perform(handle)
        }
        if collector.isOverLimit {
            throw HTTPClientError(code: .responseTooLarge, message: "the response body is larger than the limit of this request")
        }
        guard code == CURLE_OK else { throw Self.error(for: code) }

        var status = 0
        try check(fenliu_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status))
        return HTTPClientResponse(status: status, headers: collector.headers, body: collector.body)
    }

    private func check(_ code: CURLcode) throws {
        guard code == CURLE_OK else {
            throw HTTPClientError(code: .invalidRequest, message: String(cString: curl_easy_strerror(code)))
        }
    }

    private static func error(for code: CURLcode) -> HTTPClientError {
        let message = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return HTTPClientError(code: .couldNotConnect, message: message)
        case CURLE_OPERATION_TIMEDOUT:
            return HTTPClientError(code: .timedOut, message: message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return HTTPClientError(code: .invalidRequest, message: message)
        default:
            return HTTPClientError(code: .transferFailed, message: message)
        }
    }
}

/// Collects what libcurl hands to the write and header callbacks.
private final class ResponseCollector {
    let policy: HTTPClientRequest.ResponseBodyPolicy
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []
    /// Set when the body passed the limit; the write callback then stops the transfer.
    var isOverLimit = false

    init(policy: HTTPClientRequest.ResponseBodyPolicy) {
        self.policy = policy
    }

    static let writeBody: fenliu_curl_data_callback = { data, size, count, context in
        let length = size * count
        guard let data, let context else { return length }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        switch collector.policy {
        case .discard:
            return length
        case .collect(let limit):
            guard collector.body.count + length <= limit else {
                collector.isOverLimit = true
                return 0  // fewer bytes than offered: libcurl aborts with CURLE_WRITE_ERROR
            }
        }
        data.withMemoryRebound(to: UInt8.self, capacity: length) {
            collector.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
        return length
    }

    static let writeHeader: fenliu_curl_data_callback = { data, size, count, context in
        let length = size * count
        guard let data, let context else { return length }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            // A new status line (after 100 Continue or a redirect): only the final response's headers count.
            collector.headers.removeAll()
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingWhitespace()
            let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
            collector.headers.append((name, value))
        }
        return length
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 so libcurl never reads 0 as "no limit".
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
