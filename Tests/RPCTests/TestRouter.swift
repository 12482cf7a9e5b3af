import FenliuModel
import Hummingbird
import Logging
import RPC
import SwiftProtobuf

/// A router with a few methods that exercise the Connect layer.
enum TestRouter {
    struct Failure: Error {}

    /// `held`: while it says true, a GetCall for id "hold" keeps its call slot (at most 60 s);
    /// `holding` is told when that call is inside the handler, holding the slot.
    static func make(
        maximumConcurrentCalls: Int = 256, maximumBodyReadTime: Duration = .seconds(10), held: (@Sendable () -> Bool)? = nil,
        holding: (@Sendable () -> Void)? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router()
        let server = RPCServer(
            router: router,
            configuration: .init(
                maximumBodyBytes: 4096, maximumHeaderBytes: 8192, maximumConcurrentCalls: maximumConcurrentCalls,
                maximumBodyReadTime: maximumBodyReadTime),
            logger: Logger(label: "rpc-test"))
        // GetCall: echoes the id back as the call's description; ids ask for errors and delays.
        server.register(IntakeAPI.getCall) { request, context in
            if let code = ConnectCode(rawValue: request.id) {
                throw ConnectError(code, "asked for \(code.rawValue)")
            }
            if request.id == "crash" { throw Failure() }
            if request.id == "slow" { try await Task.sleep(for: .seconds(2)) }
            if request.id == "hold", let held {
                holding?()
                let limit = ContinuousClock.now + .seconds(60)
                while held(), ContinuousClock.now < limit { try await Task.sleep(for: .milliseconds(20)) }
            }
            return Fenliu_Intake_V1_GetCallResponse.with {
                $0.call.id = request.id
                $0.call.description_p = context.header("X-Note") ?? ""
            }
        }
        server.register(IntakeAPI.submitCall) { request, _ in
            if request.callerPhone == "bad" {
                throw ConnectError.invalidArgument([
                    .init(field: "callerPhone", description: "must be a phone number"),
                    .init(field: "district", description: "is not a Chengdu district"),
                ])
            }
            return Fenliu_Intake_V1_SubmitCallResponse.with {
                $0.call.channel = request.channel
                $0.call.description_p = request.description_p
                $0.call.elements = request.elements
            }
        }
        return router
    }
}
