// The one serial queue every call into the core runs on, in the order made, off the main
// actor and off Swift's cooperative pool (a core call can block while a key is derived).
import Foundation

/// A serial queue for core calls, bridged to async/await with continuations.
public final class CoreQueue: @unchecked Sendable {
    private let queue: DispatchQueue

    /// A new queue; tests may pass one they suspend and resume.
    public init(queue: DispatchQueue = DispatchQueue(label: "app.mend.core", qos: .userInitiated)) {
        self.queue = queue
    }

    /// Runs `work` on the queue and returns its result (or throws its error).
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result(catching: work)) }
        }
    }
}
