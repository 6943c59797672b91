// How view models hear the session: they drop what they show when the vault locks, and
// reload when the core says the kind of data they show has changed.
import MendCore

/// A view model that follows a session.
@MainActor
public protocol SessionObserver: AnyObject {
    /// The vault locked or was erased: forget everything decrypted.
    func sessionLocked()
    /// Data of `change`'s kind changed, wherever the change was made.
    func dataChanged(_ change: DataChange)
}

/// Holds an observer without keeping it alive.
struct WeakObserver {
    weak var observer: SessionObserver?
}

/// The error a view model keeps: the core's typed error, or `Other` for anything unexpected.
func mendError(_ error: Error) -> MendError {
    (error as? MendError) ?? .Other(detail: "unexpected failure")
}
