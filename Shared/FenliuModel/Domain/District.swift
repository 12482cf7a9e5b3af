import Foundation

/// One of Chengdu's 22 administrative areas (`Resources/districts.tsv`, the table the project was
/// given, shipped with the model).
///
/// Codes are GB/T 2260 codes, except the two functional zones, which have none and use this
/// project's `CDGX` and `TFXQ`. The table is small and fixed by law, so the lookup is code, and a
/// test checks it against the shipped table.
public struct District: Sendable, Hashable, Codable {
    /// The area's code, e.g. `510104` or `CDGX`.
    public let code: String
    /// The area's Chinese name, e.g. 锦江区.
    public let name: String
    /// The kind of area: district, county, county-level city or functional zone.
    public let kind: Kind

    /// The kinds of area in `districts.tsv`.
    public enum Kind: String, Sendable, Hashable, Codable {
        case district
        case county
        case countyLevelCity = "county-level city"
        case functionalZone = "functional zone"
    }

    /// The shipped table (`code`, `name`, `kind`, `note`, tab-separated, one header line).
    public static var tableURL: URL? {
        Bundle.module.url(forResource: "districts", withExtension: "tsv", subdirectory: "Resources")
    }

    /// All 22 areas in the order of `districts.tsv`.
    public static let all: [District] = [
        District(code: "510104", name: "锦江区", kind: .district),
        District(code: "510105", name: "青羊区", kind: .district),
        District(code: "510106", name: "金牛区", kind: .district),
        District(code: "510107", name: "武侯区", kind: .district),
        District(code: "510108", name: "成华区", kind: .district),
        District(code: "510112", name: "龙泉驿区", kind: .district),
        District(code: "510113", name: "青白江区", kind: .district),
        District(code: "510114", name: "新都区", kind: .district),
        District(code: "510115", name: "温江区", kind: .district),
        District(code: "510116", name: "双流区", kind: .district),
        District(code: "510117", name: "郫都区", kind: .district),
        District(code: "510118", name: "新津区", kind: .district),
        District(code: "510121", name: "金堂县", kind: .county),
        District(code: "510129", name: "大邑县", kind: .county),
        District(code: "510131", name: "蒲江县", kind: .county),
        District(code: "510181", name: "都江堰市", kind: .countyLevelCity),
        District(code: "510182", name: "彭州市", kind: .countyLevelCity),
        District(code: "510183", name: "邛崃市", kind: .countyLevelCity),
        District(code: "510184", name: "崇州市", kind: .countyLevelCity),
        District(code: "510185", name: "简阳市", kind: .countyLevelCity),
        District(code: "CDGX", name: "高新区", kind: .functionalZone),
        District(code: "TFXQ", name: "天府新区", kind: .functionalZone),
    ]

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The area with this code, or `nil`.
    public static func withCode(_ code: String) -> District? { byCode[code] }
}
