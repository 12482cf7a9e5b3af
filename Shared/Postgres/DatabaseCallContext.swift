#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who a request is for (the caller a service's access gate admitted), carried onto the pool's own
/// threads: a task-local value does not reach a closure that runs on a database thread, so the pool
/// captures it when it hands work over and shows it there while the work runs. ServiceSupport's
/// `Principal.current` reads it, so a handler's database work knows whose request it serves.
public enum DatabaseCallContext {
    /// The value of the task's request.
    @TaskLocal public static var value: (any Sendable)?

    /// The value where code runs now: the task's, or on a database thread the one captured from the
    /// task that handed the work over.
    public static var current: (any Sendable)? { value ?? ThreadSlot.value }

    /// Runs `work` (on a database thread) with `captured` visible as `current`.
    static func run<T>(with captured: (any Sendable)?, _ work: () throws -> T) rethrows -> T {
        guard let captured else { return try work() }
        let previous = ThreadSlot.value
        ThreadSlot.value = captured
        defer { ThreadSlot.value = previous }
        return try work()
    }
}

/// One value per thread (pthread-specific storage).
private enum ThreadSlot {
    final class Box {
        let value: any Sendable
        init(_ value: any Sendable) { self.value = value }
    }

    static let key: pthread_key_t = {
        var key = pthread_key_t()
        // No destructor: the value is released when it is replaced, and `run` always puts the previous back.
        pthread_key_create(&key, nil)
        return key
    }()

    static var value: (any Sendable)? {
        get {
            guard let pointer = pthread_getspecific(key) else { return nil }
            return Unmanaged<Box>.fromOpaque(pointer).takeUnretainedValue().value
        }
        set {
            if let old = pthread_getspecific(key) { Unmanaged<Box>.fromOpaque(old).release() }
            pthread_setspecific(key, newValue.map { Unmanaged.passRetained(Box($0)).toOpaque() })
        }
    }
}
