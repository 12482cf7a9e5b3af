import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport

/// Reads `calls` rows into `CallRecord`s.
enum CallRow {
    /// The columns every call query selects.
    static let columns = """
        id, channel, external_id, received_at, caller_name, caller_phone, caller_email, district, address, latitude, longitude,
        description, elements::text AS elements, operator_id, open311_service_code, duplicate_of, duplicate_reason,
        category, inquiry_elements::text AS inquiry_elements, created_at
        """

    /// Decodes one row selected with `columns`, opening the sealed personal data with `cipher`.
    static func record(_ row: PostgresRow, cipher: PersonalDataCipher) throws -> CallRecord {
        func personal(_ column: String) throws -> String {
            do {
                return try cipher.open(try row.decode(column))
            } catch let failure as PersonalDataCipher.Failure {
                // A configuration problem, not a fault of the request: said as one (it was a 500).
                let id = (try? row.decode("id", as: UUID.self).uuidString.lowercased()) ?? "?"
                throw ConnectError(
                    .failedPrecondition,
                    "call \(id): \(column) is sealed with a data key this intake cannot use (\(failure.description)); FENLIU_DATA_KEYS must hold every key rows are still sealed with"
                )
            }
        }
        let submission = CallSubmission(
            channel: try row.decode("channel", as: Channel.self), externalID: try row.decode("external_id"), receivedAt: try row.decode("received_at"),
            callerName: try personal("caller_name"), callerPhone: try personal("caller_phone"),
            callerEmail: try personal("caller_email"),
            district: try district(row), address: try row.decode("address"),
            latitude: try row.decode("latitude", as: Double?.self), longitude: try row.decode("longitude", as: Double?.self),
            description: try row.decode("description"), elements: try decodeJSON(row, "elements", as: [String: String].self),
            operatorID: try row.decode("operator_id"), open311ServiceCode: try row.decode("open311_service_code", as: String?.self)
        )
        return CallRecord(
            id: try row.decode("id"), submission: submission, duplicateOf: try row.decode("duplicate_of", as: UUID?.self),
            duplicateReason: try row.decode("duplicate_reason"), createdAt: try row.decode("created_at"),
            category: try row.decode("category", as: Category?.self),
            template: try decodeJSON(row, "inquiry_elements", as: [InquiryElementTemplate].self)
        )
    }

    /// Encodes elements as a JSON object for a `jsonb` column.
    static func json(_ elements: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: elements, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Encodes a template as a JSON array for a `jsonb` column.
    static func json(_ template: [InquiryElementTemplate]) throws -> String {
        String(decoding: try JSONEncoder().encode(template), as: UTF8.self)
    }

    private static func district(_ row: PostgresRow) throws -> District? {
        guard let code = try row.decode("district", as: String?.self) else { return nil }
        guard let district = District.withCode(code) else {
            throw PostgresError(code: .decodingFailed, message: "column \"district\" holds an unknown district")
        }
        return district
    }

    private static func decodeJSON<T: Decodable>(_ row: PostgresRow, _ column: String, as type: T.Type) throws -> T {
        let text: String = try row.decode(column)
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw PostgresError(code: .decodingFailed, message: "column \"\(column)\" is not the expected JSON")
        }
    }
}
