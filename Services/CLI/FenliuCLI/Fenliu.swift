import ArgumentParser
import Foundation

/// `fenliu`: Fenliu from a terminal. URLs and keys come from the environment the local stack writes
/// (`scripts/up`: `.fenliu/stack/stack.env`, `.fenliu/keys.env`), so in a checkout with a running
/// stack every command works as it is.
@main
struct Fenliu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fenliu",
        abstract: "Fenliu (分流) from a terminal: take calls in, follow them, work tickets and the review queue, read the bulletin, manage keys.",
        discussion: """
            Services are found at FENLIU_<SERVICE>_URL, else in $FENLIU_STATE_DIR/stack.env or \
            .fenliu/stack/stack.env (scripts/up), else at 127.0.0.1:8081–8085. Keys come from --key, \
            FENLIU_KEY, or the stack's .fenliu/keys.env (each command names the one it uses).
            """,
        subcommands: [
            SubmitCommand.self, CallCommand.self, TicketsCommand.self, TicketCommand.self, ReviewCommand.self, BulletinCommand.self,
            ReplayCommand.self, KeysCommand.self, AuditCommand.self,
        ]
    )
}

/// `--key` on every command that calls a service.
struct KeyOption: ParsableArguments {
    @Option(name: .long, help: "The key to call with (default: FENLIU_KEY, else the stack's key for the command).")
    var key: String?
}

/// Who acts, as the history, the webhooks and `fenliu call` will name them.
struct ActorOption: ParsableArguments {
    @Option(name: .long, help: "Who acts, recorded in the history (default: FENLIU_ACTOR, else the department when its key is used, else your login name).")
    var actor: String?

    /// The actor: `--actor`, else `FENLIU_ACTOR`, else `department` (acting with its key), else the
    /// login name — never one name for everyone, which left a history unable to tell who did what.
    func resolved(department: String? = nil) -> String {
        if let actor, !actor.isEmpty { return actor }
        if let named = ProcessInfo.processInfo.environment["FENLIU_ACTOR"], !named.isEmpty { return named }
        if let department, !department.isEmpty { return department }
        return ProcessInfo.processInfo.userName
    }
}

/// Runs `body` with the stack, turning failures into one line on standard error and exit code 1.
func withStack(_ body: (Stack) async throws -> Void) async throws {
    let stack = Stack()
    do {
        try await body(stack)
        await stack.shutdown()
    } catch let error as CLIError {
        await stack.shutdown()
        printError("fenliu: \(error.description)")
        throw ExitCode(1)
    } catch {
        await stack.shutdown()
        throw error
    }
}

func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
