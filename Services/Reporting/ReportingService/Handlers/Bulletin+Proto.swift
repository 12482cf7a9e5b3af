import FenliuModel
import Foundation
import SwiftProtobuf

extension Ratio {
    /// The rate as an API client reads it.
    var proto: Fenliu_Reporting_V1_Rate {
        .with {
            $0.numerator = numerator
            $0.denominator = denominator
            $0.value = value
        }
    }
}

extension Figures {
    /// The figures as an API client reads them.
    var proto: Fenliu_Reporting_V1_Figures {
        .with {
            $0.calls = calls
            $0.callsByChannel = callsByChannel
            $0.diversionRate = diversion.proto
            $0.handedTo110 = handedTo110
            $0.tickets = tickets
            $0.timelySignForRate = timelySignFor.proto
            $0.onTimeResolutionRate = onTimeResolution.proto
            $0.returnRate = returns.proto
            $0.reopenRate = reopens.proto
            $0.overdue = overdue
            $0.extensions = extensions
            $0.satisfactionRate = satisfaction.proto
            $0.diversionObjections = diversionObjections
        }
    }
}

extension Bulletin {
    /// The bulletin as an API client reads it.
    var proto: Fenliu_Reporting_V1_MonthlyBulletin {
        .with { bulletin in
            bulletin.month = month.description
            bulletin.district = district
            bulletin.total = total.proto
            bulletin.previousTotal = previousTotal.proto
            bulletin.districts = districts.map { line in
                .with {
                    $0.district = line.code
                    $0.districtName = line.name
                    $0.figures = line.figures.proto
                    $0.previous = line.previous.proto
                }
            }
            bulletin.departments = departments.map { line in
                .with {
                    $0.departmentID = line.id
                    $0.departmentName = line.name
                    $0.district = line.district
                    $0.figures = line.figures.proto
                    $0.previous = line.previous.proto
                    $0.score = line.score ?? 0
                    $0.rank = Int32(line.rank)
                }
            }
            bulletin.computedAt = Google_Protobuf_Timestamp(date: computedAt)
        }
    }
}
