import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to its end with posix_spawn, waiting with waitpid on a thread of its own:
/// Foundation's `Process.waitUntilExit` blocks a cooperative thread (and hung here, starving other
/// tests).
public enum Subprocess {
    /// What a finished program left.
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs `executable` with `arguments` and `environment` (added to this process's), standard
    /// input empty; with `mergeOutput` standard error goes to standard output.
    public static func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:], mergeOutput: Bool = false)
        async throws -> Result
    {
        try await OwnThread.run { try runBlocking(executable, arguments, environment: extra, mergeOutput: mergeOutput) }
    }

    static func runBlocking(_ executable: String, _ arguments: [String], environment extra: [String: String], mergeOutput: Bool) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { _, new in new }
        let folder = FileManager.default.temporaryDirectory
        let output = folder.appendingPathComponent("fenliu-out-\(UUID().uuidString)")
        let errors = folder.appendingPathComponent("fenliu-err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if mergeOutput {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw TestSetupError("could not start \(executable): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(
            status: exitCode, standardOutput: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }
}
