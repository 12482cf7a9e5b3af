import Foundation
import SwiftProtobuf

/// Proto3 JSON in and out, with errors that name the field at fault: for the server, and for each
/// delivery `AdminService/Deliver` carries.
public enum RPCMessageCoding {
    static let strictOptions = JSONDecodingOptions()

    static let decodingOptions: JSONDecodingOptions = {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        return options
    }()

    /// Decodes a request body, or throws `invalid_argument` naming what is wrong.
    public static func decode<Message: SwiftProtobuf.Message>(_ type: Message.Type, from bytes: [UInt8]) throws -> Message {
        guard !bytes.isEmpty else {
            throw ConnectError(.invalidArgument, "request body is empty; send {} for a message with no fields")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ConnectError(.invalidArgument, "request body is not valid UTF-8")
        }
        guard nestingDepth(bytes) <= maximumNesting else {
            throw ConnectError(.invalidArgument, "request body nests objects and arrays deeper than \(maximumNesting) levels")
        }
        let message: Message
        do {
            message = try decodeIgnoringUnknownFields(type, bytes)
        } catch {
            throw diagnose(type, bytes: bytes, error: error)
        }
        if let field = fieldWithNUL(bytes) {
            throw ConnectError.invalidArgument(field: field, "must not contain NUL characters")
        }
        return message
    }

    /// Deepest nesting of objects and arrays a request may have. Fenliu's messages need five; a
    /// body built to nest thousands deep is refused before any parser recurses through it.
    static let maximumNesting = 32

    /// How deep objects and arrays nest in a JSON text (brackets inside strings do not count).
    static func nestingDepth(_ bytes: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// The top-level field whose text holds a NUL character (JSON `\u0000`), or `nil`. PostgreSQL
    /// text cannot store NUL and C strings would cut the value short, so such text is refused here,
    /// naming the field, rather than stored shortened. Only bodies that contain the escape at all
    /// are parsed a second time.
    private static func fieldWithNUL(_ bytes: [UInt8]) -> String? {
        let escape = Array("\\u0000".utf8)
        guard bytes.count >= escape.count,
            (0...(bytes.count - escape.count)).contains(where: { start in
                (0..<escape.count).allSatisfy { bytes[start + $0] == escape[$0] }
            }),
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        else { return nil }
        func containsNUL(_ value: Any) -> Bool {
            switch value {
            case let text as String: text.unicodeScalars.contains("\u{0}")
            case let list as [Any]: list.contains(where: containsNUL)
            case let map as [String: Any]: map.contains { containsNUL($0.key) || containsNUL($0.value) }
            default: false
            }
        }
        return object.keys.sorted().first { containsNUL(object[$0]!) }
    }

    /// Unknown fields are ignored, as proto3 JSON asks; but swift-protobuf's lenient mode would also
    /// drop unknown enum names silently, and a misspelt `CHANNEL_11O` must be an error. So decode
    /// strictly, and drop an unknown top-level field and retry when that is what failed; only for
    /// unknown fields nested deeper does the lenient mode take over.
    private static func decodeIgnoringUnknownFields<Message: SwiftProtobuf.Message>(_ type: Message.Type, _ bytes: [UInt8]) throws -> Message {
        var current = bytes
        for _ in 0..<64 {
            do {
                return try Message(jsonUTF8Bytes: current, options: strictOptions)
            } catch JSONDecodingError.unknownField(let name) {
                guard var object = try? JSONSerialization.jsonObject(with: Data(current)) as? [String: Any],
                    object.removeValue(forKey: name) != nil,
                    let stripped = try? JSONSerialization.data(withJSONObject: object)
                else {
                    return try Message(jsonUTF8Bytes: current, options: decodingOptions)
                }
                current = Array(stripped)
            }
        }
        return try Message(jsonUTF8Bytes: current, options: decodingOptions)
    }

    /// Works out which top-level field made decoding fail by decoding each field alone. This only
    /// runs on the error path, so its cost does not matter.
    private static func diagnose<Message: SwiftProtobuf.Message>(_ type: Message.Type, bytes: [UInt8], error: any Error) -> ConnectError {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return ConnectError(.invalidArgument, "request body is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else {
            return ConnectError(.invalidArgument, "request body must be a JSON object")
        }
        for key in object.keys.sorted() {
            guard let failure = failure(type, [key: object[key]!]) else { continue }
            // Within a message or a list, the part that fails: department.level, rules[3].category.
            let path = narrow(type, path: key, value: object[key]!) { [key: $0] }
            return .invalidArgument(field: path, explain(failure))
        }
        return ConnectError(.invalidArgument, "request body does not match \(Message.protoMessageName): \(explain(error))")
    }

    /// Why `object` does not decode as `type`, or `nil` when it does.
    private static func failure<Message: SwiftProtobuf.Message>(_ type: Message.Type, _ object: [String: Any]) -> (any Error)? {
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return nil }
        do {
            _ = try decodeIgnoringUnknownFields(type, Array(data))
            return nil
        } catch {
            return error
        }
    }

    /// The deepest path under `path` whose part alone, put back in its place by `wrap`, still fails.
    private static func narrow<Message: SwiftProtobuf.Message>(
        _ type: Message.Type, path: String, value: Any, depth: Int = 0, wrap: @escaping (Any) -> [String: Any]
    ) -> String {
        // Only into a container of the right shape (an empty one decodes): a list sent for a map is
        // wrong at `path` itself.
        guard depth < 8 else { return path }
        if let object = value as? [String: Any], failure(type, wrap([String: Any]())) == nil {
            for key in object.keys.sorted() where failure(type, wrap([key: object[key]!])) != nil {
                return narrow(type, path: "\(path).\(key)", value: object[key]!, depth: depth + 1) { wrap([key: $0]) }
            }
        } else if let list = value as? [Any], failure(type, wrap([Any]())) == nil {
            for (index, element) in list.enumerated() where failure(type, wrap([element])) != nil {
                return narrow(type, path: "\(path)[\(index)]", value: element, depth: depth + 1) { wrap([$0]) }
            }
        }
        return path
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? JSONDecodingError else { return "has the wrong type or format" }
        switch error {
        case .unrecognizedEnumValue: return "is not a known enum value name"
        case .malformedNumber, .numberRange: return "is not a valid number for this field"
        case .malformedBool: return "must be true or false"
        case .malformedString: return "must be a string"
        case .malformedDuration, .malformedTimestamp: return "must be an RFC 3339 timestamp such as 2026-11-29T08:30:00Z"
        case .malformedMap: return "must be a JSON object of strings"
        case .leadingZero: return "has a number with a leading zero"
        case .truncated: return "is truncated JSON"
        case .invalidUTF8: return "is not valid UTF-8"
        case .schemaMismatch, .conflictingOneOf, .missingFieldNames: return "does not match the message's schema"
        default: return "has the wrong type or format"
        }
    }

    /// Encodes a response message as proto3 JSON.
    static func encode(_ message: some SwiftProtobuf.Message) throws -> [UInt8] {
        try message.jsonUTF8Bytes()
    }
}
