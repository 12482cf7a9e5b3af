/// An HTTP request for `HTTPClient`.
public struct HTTPClientRequest: Sendable {
    /// `GET`, `POST`, …
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Header fields in order.
    public var headers: [(name: String, value: String)]
    /// The body, sent as is.
    public var body: [UInt8]?
    /// The whole exchange's time limit; `nil` uses the client's default.
    public var timeout: Duration?
    /// What to do with the response body.
    public var responseBody: ResponseBodyPolicy

    /// What the client keeps of a response body. A peer or a webhook receiver is not trusted to send
    /// a small one, so nothing is collected without a limit.
    public enum ResponseBodyPolicy: Sendable, Equatable {
        /// Keep the body, decompressed if the server compressed it, up to this many bytes; a larger
        /// body fails the exchange with `responseTooLarge`.
        case collect(upTo: Int)
        /// Read and drop the body without decompressing it (webhook acknowledgements: only the
        /// status counts).
        case discard

        /// 4 MiB: far above any Fenliu answer.
        public static let standard = ResponseBodyPolicy.collect(upTo: 4 << 20)
    }

    /// Creates a request.
    public init(
        method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
        timeout: Duration? = nil, responseBody: ResponseBodyPolicy = .standard
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.responseBody = responseBody
    }
}

/// The answer to an `HTTPClientRequest`.
public struct HTTPClientResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Header fields of the final response, in order.
    public var headers: [(name: String, value: String)]
    /// The body, already decompressed when the server compressed it.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header field, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A failure to exchange a request and response (not an HTTP error status, which is a response).
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// Nothing listened at the address, or the host name did not resolve.
        public static let couldNotConnect = Code("couldNotConnect")
        /// The connect or total time limit passed.
        public static let timedOut = Code("timedOut")
        /// The request could not be built (bad URL, bad option).
        public static let invalidRequest = Code("invalidRequest")
        /// The transfer broke off, or anything else libcurl reported.
        public static let transferFailed = Code("transferFailed")
        /// The client was shut down.
        public static let clientClosed = Code("clientClosed")
        /// The response body was larger than the request allowed.
        public static let responseTooLarge = Code("responseTooLarge")

        public var description: String { name }
    }

    /// What kind of failure this is.
    public let code: Code
    /// libcurl's explanation.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "HTTPClientError(\(code)): \(message)" }
}
