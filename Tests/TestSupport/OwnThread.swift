import Foundation

/// Runs synchronous work on a thread of its own: a blocking wait, or CPU-heavy work such as training
/// a model in a debug build. On Swift's cooperative pool it would hold one of its threads — two on
/// a two-core machine — and the in-process servers of the tests running beside it starve (CI saw
/// their calls time out while the corpus test trained for 100 s).
public enum OwnThread {
    /// `work`'s result, computed on a new thread.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
