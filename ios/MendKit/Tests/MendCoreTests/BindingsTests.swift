// The generated Swift bindings, exercised across the whole exported surface.
import Foundation
import MendCore
import MendTestSupport
import XCTest

final class BindingsTests: XCTestCase {
    private let all = NoteFilter(step: nil, tag: nil)

    private func newVault(role: VaultRole = .repairing, store: DeviceKeyStore = TableKeyStore()) throws -> (String, DeviceKeyStore, NewVault) {
        let path = tempVaultPath()
        return (path, store, try createVault(path: path, passcode: pass(), role: role, kdf: smallKdf, keyStore: store))
    }

    private func expect<T>(_ body: () throws -> T, _ check: (MendError) -> Bool, line: UInt = #line) {
        do {
            _ = try body()
            XCTFail("expected an error", line: line)
        } catch let e as MendError {
            XCTAssertTrue(check(e), "unexpected \(e)", line: line)
        } catch {
            XCTFail("unexpected \(error)", line: line)
        }
    }

    func testCreateUnlockLockAndReopen() throws {
        XCTAssertEqual(defaultKdfOptions().memoryKib, 65536)
        let (path, store, created) = try newVault(role: .hurt)
        let v = created.vault
        XCTAssertTrue(vaultExists(path: path))
        XCTAssertFalse(vaultExists(path: path + ".none"))
        XCTAssertEqual(created.recoveryCode.count, 34)
        XCTAssertTrue(v.isUnlocked())
        XCTAssertEqual(try v.role(), .hurt)
        XCTAssertLessThan(abs(try v.startedAtMs() - Int64(Date().timeIntervalSince1970 * 1000)), 60_000)
        XCTAssertEqual(try v.damagedRecordCount(), 0)
        v.lock()
        XCTAssertFalse(v.isUnlocked())
        let again = try MendVault.open(path: path, keyStore: store)
        XCTAssertEqual(try again.unlockStatus(), UnlockStatus(failedAttempts: 0, attemptsLeft: 5, retryAtMs: nil))
        try again.unlock(passcode: pass())
        XCTAssertTrue(again.isUnlocked())
        expect({ try createVault(path: path, passcode: pass(), role: .hurt, kdf: smallKdf, keyStore: store) }) {
            if case .AlreadyExists = $0 { return true } else { return false }
        }
        expect({ try MendVault.open(path: path + ".none", keyStore: store) }) {
            if case .NoVault = $0 { return true } else { return false }
        }
    }

    func testWrongPasscodesCarryAttemptsLeftThenARetryTime() throws {
        let v = try newVault().2.vault
        v.lock()
        for left in stride(from: 4, through: 0, by: -1) {
            expect({ try v.unlock(passcode: pass("wrong-code")) }) {
                if case .WrongPasscode(let n) = $0 { return n == left } else { return false }
            }
        }
        var retryAt: Int64 = 0
        expect({ try v.unlock(passcode: pass()) }) {
            if case .TooManyAttempts(let at) = $0 { retryAt = at; return true } else { return false }
        }
        XCTAssertGreaterThan(retryAt, Int64(Date().timeIntervalSince1970 * 1000) + 20_000)
        XCTAssertEqual(try v.unlockStatus().retryAtMs, retryAt)
    }

    func testNotesRoundTripWithAnyTextAndALargeBody() throws {
        let v = try newVault().2.vault
        let texts = ["Évening walk — café ☕", "שלום, we listened", "🙏🏽 thank you", "日本語のメモ"]
        let ids = try texts.enumerated().map { i, t in
            try v.addNote(draft: NoteDraft(title: t, body: t + " body", step: UInt8(i + 1), tags: [String(t.prefix(5))])).id
        }
        for (id, t) in zip(ids, texts) {
            let n = try v.getNote(id: id)
            XCTAssertEqual(n.summary.title, t)
            XCTAssertEqual(n.body, t + " body")
        }
        let big = String(repeating: "ü", count: 512 * 1024)
        let bigId = try v.addNote(draft: NoteDraft(title: "big", body: big, step: nil, tags: [])).id
        XCTAssertEqual(try v.getNote(id: bigId).body, big)
        expect({ try v.addNote(draft: NoteDraft(title: "big", body: big + "!", step: nil, tags: [])) }) {
            if case .InvalidInput(let field, let reason) = $0 { return field == "body" && reason == "is too long" }
            return false
        }
        XCTAssertEqual(try v.noteCount(), 5)
        let page = try v.listNotes(filter: all, offset: 0, limit: 2)
        XCTAssertEqual(page.total, 5)
        XCTAssertEqual(page.notes.map(\.id), [bigId, ids[3]])
        XCTAssertEqual(try v.newestNotes(offset: 1, limit: 2), try v.listNotes(filter: all, offset: 1, limit: 2))
        XCTAssertEqual(try v.newestNotes(offset: 3, limit: 50).notes.map(\.id), [ids[1], ids[0]])
        XCTAssertEqual(try v.listNotes(filter: NoteFilter(step: 2, tag: nil), offset: 0, limit: 50).notes.map(\.id), [ids[1]])
        try v.prepareSearch()
        XCTAssertEqual(try v.searchNotes(query: "CAFÉ évening", filter: all, offset: 0, limit: 10).notes.map(\.id), [ids[0]])
        XCTAssertEqual(try v.searchNotes(query: "שלום", filter: all, offset: 0, limit: 10).total, 1)
        let edited = try v.editNote(id: ids[0], draft: NoteDraft(title: "Morning", body: "new words", step: nil, tags: []))
        XCTAssertEqual(edited.title, "Morning")
        XCTAssertGreaterThanOrEqual(edited.updatedAtMs, edited.createdAtMs)
        XCTAssertEqual(try v.getNote(id: ids[0]).body, "new words")
        try v.deleteNote(id: ids[0])
        expect({ try v.getNote(id: ids[0]) }) { if case .NotFound = $0 { return true } else { return false } }
        expect({ try v.getNote(id: "not-an-id") }) {
            if case .InvalidInput(let field, _) = $0 { return field == "id" } else { return false }
        }
    }

    func testPasscodeChangeAndRecovery() throws {
        let created = try newVault().2
        let v = created.vault
        _ = try v.addNote(draft: NoteDraft(title: "kept", body: "body", step: nil, tags: []))
        try v.changePasscode(current: pass(), new: pass("second-pass"))
        v.lock()
        expect({ try v.unlock(passcode: pass()) }) { if case .WrongPasscode = $0 { return true } else { return false } }
        try v.unlock(passcode: pass("second-pass"))
        v.lock()
        expect({ try v.recover(recoveryCode: "0000-0000-0000-0000-0000-0000-0000", newPasscode: pass("third-pass")) }) {
            if case .WrongRecoveryCode(let left) = $0 { return left == 4 } else { return false }
        }
        let newCode = try v.recover(recoveryCode: created.recoveryCode, newPasscode: pass("third-pass"))
        XCTAssertNotEqual(newCode, created.recoveryCode)
        XCTAssertTrue(v.isUnlocked())
        XCTAssertEqual(try v.noteCount(), 1)
        v.lock()
        expect({ try v.recover(recoveryCode: created.recoveryCode, newPasscode: pass("fourth-pass")) }) {
            if case .WrongRecoveryCode = $0 { return true } else { return false }
        }
        try v.unlock(passcode: pass("third-pass"))
    }

    func testAKeyStoreWrittenInSwiftBindsTheVaultToIt() throws {
        let (path, _, created) = try newVault()
        created.vault.lock()
        let other = try MendVault.open(path: path, keyStore: TableKeyStore())
        expect({ try other.unlock(passcode: pass()) }) {
            if case .DeviceKey(let reason) = $0 { return reason == .Rejected } else { return false }
        }
    }

    func testAThrowingKeyStoreSurfacesAsATypedError() {
        expect({ try createVault(path: tempVaultPath(), passcode: pass(), role: .hurt, kdf: smallKdf, keyStore: FailingKeyStore(declared: true)) }) {
            if case .DeviceKey(let reason) = $0 { return reason == .Unavailable } else { return false }
        }
        expect({ try createVault(path: tempVaultPath(), passcode: pass(), role: .hurt, kdf: smallKdf, keyStore: FailingKeyStore(declared: false)) }) {
            if case .DeviceKey(let reason) = $0 { return reason == .Failed } else { return false }
        }
    }

    func testTheRustFileKeyStoreWorksFromSwift() throws {
        let dir = (tempVaultPath() as NSString).deletingLastPathComponent
        let store = FileDeviceKeyStore(path: dir + "/device.key")
        let wrapped = try store.wrap(plain: Data("secret".utf8))
        XCTAssertEqual(try store.unwrap(wrapped: wrapped), Data("secret".utf8))
        let attrs = try FileManager.default.attributesOfItem(atPath: dir + "/device.key")
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        try store.destroyKey()
        XCTAssertThrowsError(try store.unwrap(wrapped: wrapped)) { XCTAssertEqual($0 as? DeviceKeyError, .KeyMissing) }
    }

    func testCallsFromManyThreadsAtOnce() throws {
        let v = try newVault().2.vault
        DispatchQueue.concurrentPerform(iterations: 6) { t in
            for i in 0..<20 {
                let s = try! v.addNote(draft: NoteDraft(title: "t\(t) n\(i)", body: "body", step: nil, tags: []))
                XCTAssertEqual(try? v.getNote(id: s.id).summary.title, "t\(t) n\(i)")
                _ = try? v.listNotes(filter: all, offset: 0, limit: 10)
            }
        }
        XCTAssertEqual(try v.noteCount(), 120)
    }

    func testTheProgramTodayPracticeAndProgress() throws {
        XCTAssertEqual(try programSteps().map(\.number), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try programStep(number: 3).key, "remorse")
        expect({ try programStep(number: 9) }) { if case .NotFound = $0 { return true } else { return false } }
        XCTAssertGreaterThanOrEqual(try programThemes().count, 5)
        XCTAssertFalse(try helpResources().crisisLines.isEmpty)
        let v = try newVault().2.vault
        let tz = TestZone(TimeZone(identifier: "Europe/Berlin")!)
        let today = try v.today(zone: tz)
        XCTAssertEqual(today.outcome, .shown)
        XCTAssertEqual(try v.today(zone: tz).prompt.id, today.prompt.id)
        let other = try v.anotherPrompt(zone: tz, alternative: 1)
        XCTAssertNotEqual(other.prompt.id, today.prompt.id)
        XCTAssertEqual(try v.skipPrompt(zone: tz, promptId: other.prompt.id).outcome, .skipped)
        let done = try v.completePrompt(zone: tz, promptId: today.prompt.id, response: "Écouté, sans me défendre. 🙏")
        XCTAssertEqual(done.outcome, .done)
        XCTAssertEqual(done.response, "Écouté, sans me défendre. 🙏")
        let progress = try v.progress(zone: tz)
        XCTAssertEqual(progress.daysPractisedLast7, 1)
        XCTAssertEqual(progress.milestones.map(\.key), ["first-practice"])
        expect({ try v.today(zone: TestZone(offset: 25 * 3600)) }) {
            if case .InvalidInput(let field, _) = $0 { return field == "time zone" } else { return false }
        }
    }

    func testTheLetterPhrasingCheck() throws {
        let flags = try checkLetterPhrasing(text: "I'm sorry if you were hurt. Please forgive me, but you never listened.")
        XCTAssertEqual(flags.map(\.reason), [.minimises, .asksForgiveness, .blames])
        XCTAssertEqual(flags.first?.excerpt, "if you were hurt")
        XCTAssertTrue(try checkLetterPhrasing(text: "I lied to you, and I am sorry.").isEmpty)
    }

    func testTheToolsAddEditDeleteAndList() throws {
        let v = try newVault(role: .hurt).2.vault
        let checkIn = try v.addEntry(entry: .checkIn(date: "2026-11-25", safety: 3, trust: 2, connection: 4, note: "Long day"))
        XCTAssertEqual(checkIn.id.count, 32)
        let trigger = try v.addEntry(entry: .trigger(atMs: 1_000, what: "A song 🎵", intensity: 7, helped: "Walking"))
        let question = try v.addEntry(entry: .question(text: "Why?", askedBy: .me, kind: .meaning, answer: "", status: .open))
        _ = try v.addEntry(entry: .contact(atMs: 2_000, channel: "call", whatHappened: "", howHandled: "Hung up", disclosedAtMs: nil))
        for kind in [ToolKind.checkIns, .triggers, .questions, .contacts] {
            XCTAssertEqual(try v.entries(tool: kind).count, 1)
        }
        let answered = try v.editEntry(id: question.id, entry: .question(text: "Why?", askedBy: .me, kind: .meaning, answer: "I was afraid.", status: .answered))
        guard case .question(_, _, _, let answer, _) = answered.entry else { return XCTFail("not a question") }
        XCTAssertEqual(answer, "I was afraid.")
        expect({ try v.addEntry(entry: .checkIn(date: "2026-11-25", safety: 11, trust: 2, connection: 4, note: "")) }) {
            if case .InvalidInput(let field, _) = $0 { return field == "safety" } else { return false }
        }
        try v.deleteEntry(id: trigger.id)
        XCTAssertTrue(try v.entries(tool: .triggers).isEmpty)
        expect({ try v.deleteEntry(id: trigger.id) }) { if case .NotFound = $0 { return true } else { return false } }
    }

    func testRemindersScheduleInThePlatformZone() throws {
        let v = try newVault().2.vault
        let r = try v.addEntry(entry: .reminder(purpose: .checkIn, weekdays: Data([1, 2, 3, 4, 5, 6, 7]), hour: 21, minute: 15, enabled: true))
        let upcoming = try v.upcomingReminders(zone: TestZone(TimeZone(identifier: "Asia/Tokyo")!), limit: 3)
        XCTAssertEqual(upcoming.count, 3)
        for f in upcoming {
            XCTAssertEqual(f.text, "Time for your check-in")
            XCTAssertEqual(f.reminderId, r.id)
            XCTAssertEqual(((f.atMs % 86_400_000) + 86_400_000) % 86_400_000, Int64((12 * 60 + 15) * 60_000))
        }
    }

    func testTheStepToolsWorksheetsBoundariesCutTiesAndTimeTogether() throws {
        let v = try newVault().2.vault
        _ = try v.addEntry(entry: .worksheet(kind: .remorseLetter, sections: ["I lied.", "You stopped sleeping.", "It was my choice.", "I answer every question."]))
        expect({ try v.addEntry(entry: .worksheet(kind: .story, sections: ["one"])) }) {
            if case .InvalidInput = $0 { return true } else { return false }
        }
        XCTAssertEqual(try worksheetInfo(kind: .validationNote).sections.count, 3)
        let tie = try v.addEntry(entry: .cutTie(item: "Leave the shared gym", done: false))
        _ = try v.addEntry(entry: .boundary(isNeed: false, text: "No contact with them at all", agreed: true))
        _ = try v.addEntry(entry: .timeTogether(atMs: 1_000, plan: "A walk", asked: true, answer: .notNow, respected: true))
        XCTAssertEqual(try v.entries(tool: .remorseLetters).count, 1)
        XCTAssertEqual(try v.entries(tool: .boundaries).count, 1)
        XCTAssertEqual(try v.entries(tool: .timeTogether).count, 1)
        let done = try v.editEntry(id: tie.id, entry: .cutTie(item: "Leave the shared gym", done: true))
        guard case .cutTie(_, let isDone) = done.entry else { return XCTFail("not a cut-tie item") }
        XCTAssertTrue(isDone)
    }

    func testLockedAndErasedObjectsGiveTypedErrors() throws {
        let (path, _, created) = try newVault()
        let v = created.vault
        let id = try v.addNote(draft: NoteDraft(title: "t", body: "b", step: nil, tags: [])).id
        v.lock()
        let isLocked: (MendError) -> Bool = { if case .Locked = $0 { return true } else { return false } }
        expect({ try v.getNote(id: id) }, isLocked)
        expect({ try v.noteCount() }, isLocked)
        expect({ try v.role() }, isLocked)
        expect({ try v.prepareSearch() }, isLocked)
        expect({ try v.addNote(draft: NoteDraft(title: "a", body: "b", step: nil, tags: [])) }, isLocked)
        expect({ try v.deleteNote(id: id) }, isLocked)
        expect({ try v.listNotes(filter: all, offset: 0, limit: 5) }, isLocked)
        expect({ try v.searchNotes(query: "b", filter: all, offset: 0, limit: 5) }, isLocked)
        try v.erase()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        let isClosed: (MendError) -> Bool = { if case .Closed = $0 { return true } else { return false } }
        expect({ try v.unlock(passcode: pass()) }, isClosed)
        expect({ try v.unlockStatus() }, isClosed)
    }
}
