// A Swift-friendly front for the generated bindings: async functions that run each core call
// off the main actor, on a detached task. Errors arrive as `MendError`; `Problem` maps them
// for screens.
import Foundation
import MendCore

/// A new vault, unlocked, and the recovery code to show once.
public struct CreatedVault: Sendable {
    /// The new vault.
    public let client: MendClient
    /// The recovery code. Show it once; never store it.
    public let recoveryCode: String
}

/// One open vault. Every call runs the core off the main actor.
public final class MendClient: Sendable {
    private let vault: MendVault

    init(vault: MendVault) {
        self.vault = vault
    }

    private static func background<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await Task.detached(priority: .userInitiated, operation: work).value
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable (MendVault) throws -> T) async throws -> T {
        let vault = self.vault
        return try await Self.background { try work(vault) }
    }

    /// Whether a vault exists at `path`.
    public static func exists(path: String) -> Bool {
        vaultExists(path: path)
    }

    /// Opens the vault at `path`, locked.
    public static func open(path: String, keyStore: DeviceKeyStore) async throws -> MendClient {
        let vault = try await background { try MendVault.open(path: path, keyStore: keyStore) }
        return MendClient(vault: vault)
    }

    /// Creates a vault at `path`, unlocked.
    public static func create(
        path: String,
        passcode: Data,
        role: VaultRole,
        keyStore: DeviceKeyStore,
        kdf: KdfOptions = defaultKdfOptions()
    ) async throws -> CreatedVault {
        let created = try await background {
            try createVault(path: path, passcode: passcode, role: role, kdf: kdf, keyStore: keyStore)
        }
        return CreatedVault(client: MendClient(vault: created.vault), recoveryCode: created.recoveryCode)
    }

    /// Whether the vault is unlocked.
    public var isUnlocked: Bool { vault.isUnlocked() }

    /// Failed attempts and any wait in force.
    public func unlockStatus() async throws -> UnlockStatus { try await run { try $0.unlockStatus() } }

    /// Unlocks with the passcode.
    public func unlock(passcode: Data) async throws { try await run { try $0.unlock(passcode: passcode) } }

    /// Locks: the core drops its keys and everything decrypted.
    public func lock() async { _ = try? await run { $0.lock() } }

    /// Changes the passcode.
    public func changePasscode(current: Data, new: Data) async throws {
        try await run { try $0.changePasscode(current: current, new: new) }
    }

    /// Sets a new passcode with the recovery code; returns the new recovery code.
    public func recover(recoveryCode: String, newPasscode: Data) async throws -> String {
        try await run { try $0.recover(recoveryCode: recoveryCode, newPasscode: newPasscode) }
    }

    /// Whose vault this is.
    public func role() async throws -> VaultRole { try await run { try $0.role() } }

    /// Writes a new note.
    public func addNote(_ draft: NoteDraft) async throws -> NoteSummary { try await run { try $0.addNote(draft: draft) } }

    /// Replaces a note.
    public func editNote(id: String, _ draft: NoteDraft) async throws -> NoteSummary {
        try await run { try $0.editNote(id: id, draft: draft) }
    }

    /// Deletes a note for good.
    public func deleteNote(id: String) async throws { try await run { try $0.deleteNote(id: id) } }

    /// Reads a whole note.
    public func note(id: String) async throws -> Note { try await run { try $0.getNote(id: id) } }

    /// One page of the newest notes, unfiltered (the cheapest list call).
    public func newest(offset: Int, limit: Int) async throws -> NotePage {
        try await run { try $0.newestNotes(offset: UInt32(offset), limit: UInt32(limit)) }
    }

    /// One page of notes, newest first.
    public func notes(filter: NoteFilter = NoteFilter(), offset: Int, limit: Int) async throws -> NotePage {
        try await run { try $0.listNotes(filter: filter, offset: UInt32(offset), limit: UInt32(limit)) }
    }

    /// One page of notes containing every word of `query`.
    public func search(_ query: String, filter: NoteFilter = NoteFilter(), offset: Int, limit: Int) async throws -> NotePage {
        try await run { try $0.searchNotes(query: query, filter: filter, offset: UInt32(offset), limit: UInt32(limit)) }
    }

    /// Warms the search cache; call in the background right after unlock.
    public func prepareSearch() async throws { try await run { try $0.prepareSearch() } }

    /// Today's prompt by the local day in `zone`; the same all day.
    public func today(zone: TimeZoneRules = PlatformZone()) async throws -> DailyPrompt {
        try await run { try $0.today(zone: zone) }
    }

    /// Another prompt for today (1 = the first alternative).
    public func anotherPrompt(_ alternative: Int, zone: TimeZoneRules = PlatformZone()) async throws -> DailyPrompt {
        try await run { try $0.anotherPrompt(zone: zone, alternative: UInt32(alternative)) }
    }

    /// Marks a prompt offered today as done, with an optional written response.
    public func completePrompt(_ id: String, response: String?, zone: TimeZoneRules = PlatformZone()) async throws -> DailyPrompt {
        try await run { try $0.completePrompt(zone: zone, promptId: id, response: response) }
    }

    /// Marks a prompt offered today as skipped.
    public func skipPrompt(_ id: String, zone: TimeZoneRules = PlatformZone()) async throws -> DailyPrompt {
        try await run { try $0.skipPrompt(zone: zone, promptId: id) }
    }

    /// Progress as of today.
    public func progress(zone: TimeZoneRules = PlatformZone()) async throws -> MendCore.Progress {
        try await run { try $0.progress(zone: zone) }
    }

    /// Writes a tool entry (check-in, trigger, question, contact, reminder).
    public func addEntry(_ entry: ToolEntry) async throws -> ToolRecord { try await run { try $0.addEntry(entry: entry) } }

    /// Replaces a tool entry with another of the same tool.
    public func editEntry(id: String, _ entry: ToolEntry) async throws -> ToolRecord {
        try await run { try $0.editEntry(id: id, entry: entry) }
    }

    /// Deletes a tool entry for good.
    public func deleteEntry(id: String) async throws { try await run { try $0.deleteEntry(id: id) } }

    /// A tool's entries, newest first.
    public func entries(_ tool: ToolKind) async throws -> [ToolRecord] { try await run { try $0.entries(tool: tool) } }

    /// The next notifications to schedule, soonest first.
    public func upcomingReminders(limit: Int, zone: TimeZoneRules = PlatformZone()) async throws -> [ReminderFiring] {
        try await run { try $0.upcomingReminders(zone: zone, limit: UInt32(limit)) }
    }

    /// Erases the vault and its device key for good.
    public func erase() async throws { try await run { try $0.erase() } }
}
