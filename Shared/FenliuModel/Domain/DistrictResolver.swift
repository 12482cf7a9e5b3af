import FenliuModel
import Foundation

/// Finds one of Chengdu's 22 areas from what an operator typed or from an address.
///
/// A `district` field may hold the code (`510104`, `cdgx`), the full name (锦江区), the name without
/// its 区/县/市 suffix (锦江), the Traditional form (錦江區) or a former name still in daily use
/// (郫县, 双流县, 新津县). An address is searched only for full names (Simplified or Traditional)
/// and a few unambiguous long forms, because bare stems such as 天府 or 新都 also occur in road and
/// building names (天府大道, 新都会) and would misplace a call.
public enum DistrictResolver {
    /// What a `district` field that names no area is told, the same from every service.
    public static let unknownDistrict = "is not a code or name of a Chengdu district, county or zone (see districts.tsv)"

    /// The area a `district` field names, or `nil`.
    public static func resolve(_ text: String) -> District? {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { return nil }
        if let district = District.withCode(key.uppercased()) { return district }
        return fieldNames[key]
    }

    /// The area an address names: the longest name found, the earliest when two are equally long.
    public static func recognize(inAddress address: String) -> District? {
        var best: (district: District, length: Int, position: Int)?
        for (name, district) in addressNames {
            guard let range = address.range(of: name) else { continue }
            let position = address.distance(from: address.startIndex, to: range.lowerBound)
            let length = name.count
            if best == nil || length > best!.length || (length == best!.length && position < best!.position) {
                best = (district, length, position)
            }
        }
        return best?.district
    }

    /// Traditional forms of the full names, by code (the Simplified names are in `District`).
    private static let traditionalNames: [String: String] = [
        "510104": "錦江區", "510105": "青羊區", "510106": "金牛區", "510107": "武侯區", "510108": "成華區",
        "510112": "龍泉驛區", "510113": "青白江區", "510114": "新都區", "510115": "溫江區", "510116": "雙流區",
        "510117": "郫都區", "510118": "新津區", "510121": "金堂縣", "510129": "大邑縣", "510131": "蒲江縣",
        "510181": "都江堰市", "510182": "彭州市", "510183": "邛崍市", "510184": "崇州市", "510185": "簡陽市",
        "CDGX": "高新區", "TFXQ": "天府新區",
    ]

    /// Long or former names that are safe to look for inside an address.
    private static let extraAddressNames: [String: String] = [
        "郫县": "510117", "郫縣": "510117", "双流县": "510116", "雙流縣": "510116", "新津县": "510118", "新津縣": "510118",
        "成都高新技术产业开发区": "CDGX", "高新技术产业开发区": "CDGX", "天府新区成都直管区": "TFXQ", "四川天府新区": "TFXQ",
    ]

    private static let suffixes: Set<Character> = ["区", "县", "市", "區", "縣"]

    private static let addressNames: [String: District] = {
        var names = [String: District]()
        for district in District.all {
            names[district.name] = district
            if let traditional = traditionalNames[district.code] { names[traditional] = district }
        }
        for (name, code) in extraAddressNames {
            names[name] = District.withCode(code)
        }
        return names
    }()

    private static let fieldNames: [String: District] = {
        var names = addressNames
        for (name, district) in addressNames {
            guard let last = name.last, suffixes.contains(last), name.count > 2 else { continue }
            names[String(name.dropLast())] = district
        }
        // 天府新 is no name anyone uses; 天府 alone is what people say.
        names["天府"] = District.withCode("TFXQ")
        return names
    }()
}
