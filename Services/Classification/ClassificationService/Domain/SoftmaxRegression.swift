import Foundation

/// Fits multinomial logistic regression with an L2 penalty by L-BFGS.
///
/// Minimises `Σ cross-entropy + ‖W‖² / (2C)` (the bias is not penalised), the objective of
/// scikit-learn's `LogisticRegression(C:)`, so settings carry over. Written out here because the
/// corpus is small (thousands of records, ten thousand features): full-batch L-BFGS converges in a
/// few hundred cheap passes, deterministically, with no dependency.
enum SoftmaxRegression {
    /// A sparse record: its features and its class column.
    struct Sample {
        let features: [(row: Int32, value: Float)]
        let column: Int
        /// How much the record counts in the loss (class balancing gives a rare class's records more).
        var weight: Double = 1
    }

    /// Row-major `featureCount × classCount` weights and one bias per class.
    static func fit(
        _ samples: [Sample], featureCount: Int, classCount: Int, inverseRegularization: Double,
        maximumIterations: Int
    ) -> (weights: [Double], bias: [Double]) {
        let size = featureCount * classCount + classCount
        var theta = [Double](repeating: 0, count: size)
        guard !samples.isEmpty, classCount > 1 else {
            return (Array(theta[..<(size - classCount)]), Array(theta[(size - classCount)...]))
        }
        let penalty = 1 / max(inverseRegularization, 1e-9)
        var (value, gradient) = objective(theta, samples, featureCount, classCount, penalty)
        var history: [(s: [Double], y: [Double], rho: Double)] = []
        let memory = 10
        for iteration in 0..<maximumIterations {
            if gradient.lazy.map(abs).max() ?? 0 < 1e-5 { break }
            // Two-loop recursion: direction = -H·g.
            var direction = gradient.map { -$0 }
            var alphas: [Double] = []
            for pair in history.reversed() {
                let alpha = pair.rho * dot(pair.s, direction)
                alphas.append(alpha)
                axpy(-alpha, pair.y, &direction)
            }
            if let last = history.last {
                let scale = dot(last.s, last.y) / dot(last.y, last.y)
                for index in direction.indices { direction[index] *= scale }
            } else {
                let norm = dot(gradient, gradient).squareRoot()
                for index in direction.indices { direction[index] /= max(1, norm) }
            }
            for (pair, alpha) in zip(history, alphas.reversed()) {
                let beta = pair.rho * dot(pair.y, direction)
                axpy(alpha - beta, pair.s, &direction)
            }
            var slope = dot(gradient, direction)
            if slope >= 0 {
                // Not a descent direction (lost curvature): restart from steepest descent.
                history.removeAll()
                direction = gradient.map { -$0 / max(1, dot(gradient, gradient).squareRoot()) }
                slope = dot(gradient, direction)
            }
            // Backtracking line search with the Armijo condition.
            var step = 1.0
            var candidate = theta
            var next = (value: value, gradient: gradient)
            var accepted = false
            for _ in 0..<30 {
                for index in theta.indices { candidate[index] = theta[index] + step * direction[index] }
                next = objective(candidate, samples, featureCount, classCount, penalty)
                if next.value <= value + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted else { break }
            let s = zip(candidate, theta).map { $0 - $1 }
            let y = zip(next.gradient, gradient).map { $0 - $1 }
            let curvature = dot(s, y)
            if curvature > 1e-10 {
                history.append((s, y, 1 / curvature))
                if history.count > memory { history.removeFirst() }
            }
            let improvement = value - next.value
            theta = candidate
            (value, gradient) = next
            if iteration > 10, improvement < 1e-9 * max(1, abs(value)) { break }
        }
        return (Array(theta[..<(size - classCount)]), Array(theta[(size - classCount)...]))
    }

    /// The penalised loss and its gradient at `theta`.
    private static func objective(
        _ theta: [Double], _ samples: [Sample], _ featureCount: Int, _ classCount: Int,
        _ penalty: Double
    ) -> (value: Double, gradient: [Double]) {
        let biasOffset = featureCount * classCount
        var gradient = [Double](repeating: 0, count: theta.count)
        var value = 0.0
        var scores = [Double](repeating: 0, count: classCount)
        theta.withUnsafeBufferPointer { theta in
            gradient.withUnsafeMutableBufferPointer { gradient in
                for sample in samples {
                    for column in 0..<classCount { scores[column] = theta[biasOffset + column] }
                    for feature in sample.features {
                        let base = Int(feature.row) * classCount
                        let x = Double(feature.value)
                        for column in 0..<classCount { scores[column] += x * theta[base + column] }
                    }
                    let top = scores.max()!
                    var total = 0.0
                    for column in 0..<classCount {
                        scores[column] = exp(scores[column] - top)
                        total += scores[column]
                    }
                    value -= sample.weight * log(max(scores[sample.column] / total, 1e-300))
                    for column in 0..<classCount {
                        // Softmax probability minus the one-hot target: the loss's slope in the score.
                        scores[column] = sample.weight * (scores[column] / total - (column == sample.column ? 1 : 0))
                        gradient[biasOffset + column] += scores[column]
                    }
                    for feature in sample.features {
                        let base = Int(feature.row) * classCount
                        let x = Double(feature.value)
                        for column in 0..<classCount { gradient[base + column] += x * scores[column] }
                    }
                }
                for index in 0..<biasOffset {
                    value += 0.5 * penalty * theta[index] * theta[index]
                    gradient[index] += penalty * theta[index]
                }
            }
        }
        return (value, gradient)
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices { sum += a[index] * b[index] }
        return sum
    }

    private static func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        for index in y.indices { y[index] += a * x[index] }
    }
}
