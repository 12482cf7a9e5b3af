import FenliuModel
import Foundation
import HTTPClient
import SwiftProtobuf

/// Calls Connect unary methods (JSON) of a peer over `HTTPClient`.
public struct RPCClient: Sendable {
    /// The peer's base URL, e.g. `http://127.0.0.1:8082`.
    public let baseURL: String
    /// The default time limit of a call.
    public var timeout: Duration
    private let httpClient: HTTPClient
    /// The key sent as `Authorization: Bearer <key>`, if any.
    private let key: String?

    /// Creates a client for one peer, calling with `key` when given.
    public init(baseURL: String, httpClient: HTTPClient, timeout: Duration = .seconds(10), key: String? = nil) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.httpClient = httpClient
        self.timeout = timeout
        self.key = key
    }

    /// Calls `method` and decodes its response, or throws the peer's `ConnectError`.
    public func call<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>(
        _ method: RPCMethod<Request, Response>,
        _ request: Request,
        headers: [(name: String, value: String)] = [],
        timeout: Duration? = nil
    ) async throws -> Response {
        let body: [UInt8] = try request.jsonUTF8Bytes()
        let bytes = try await send(path: method.path, jsonBody: body, headers: headers, timeout: timeout)
        do {
            return try Response(jsonUTF8Bytes: bytes, options: RPCMessageCoding.decodingOptions)
        } catch {
            throw ConnectError(.internal, "the peer's response is not a valid \(Response.protoMessageName)")
        }
    }

    /// Posts an already-encoded JSON body to `path` and returns the response body of a 200 answer,
    /// or throws the `ConnectError` the peer sent (or one inferred from the HTTP status). Transport
    /// failures become `unavailable` or `deadline_exceeded`.
    public func send(
        path: String, jsonBody: [UInt8], headers: [(name: String, value: String)] = [], timeout: Duration? = nil
    ) async throws -> [UInt8] {
        let limit = timeout ?? self.timeout
        var allHeaders: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            ("Connect-Protocol-Version", "1"),
            ("Connect-Timeout-Ms", String(limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)),
        ]
        if let key { allHeaders.append(("Authorization", "Bearer \(key)")) }
        allHeaders += headers
        let response: HTTPClientResponse
        do {
            // A little slack over the Connect timeout so the server's deadline_exceeded arrives first.
            response = try await httpClient.execute(
                HTTPClientRequest(method: "POST", url: baseURL + path, headers: allHeaders, body: jsonBody, timeout: limit + .milliseconds(500))
            )
        } catch let error as HTTPClientError {
            if error.code == .timedOut { throw ConnectError(.deadlineExceeded, "no answer from \(baseURL) in time") }
            throw ConnectError(.unavailable, "could not reach \(baseURL): \(error.message)")
        }
        guard response.status == 200 else { throw Self.error(from: response) }
        return response.body
    }

    /// The Connect error a non-200 response carries.
    static func error(from response: HTTPClientResponse) -> ConnectError {
        if response.header("Content-Type")?.lowercased().hasPrefix("application/json") == true,
            let body = try? JSONDecoder().decode(ConnectErrorBody.self, from: Data(response.body)),
            let error = body.connectError
        {
            return error
        }
        return ConnectError(ConnectCode(inferringFromHTTPStatus: response.status), "HTTP status \(response.status)")
    }
}
