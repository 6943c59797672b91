// The generated Swift bindings, exercised across the whole exported surface: every record,
// enum and call, and every error a screen can see.
import Foundation
import MendCore
import MendTestSupport
import XCTest

final class BindingsTests: XCTestCase {
    private let all = NoteQuery()

    private func newVault(role: Role = .repairing, store: DeviceKeyStore = TableKeyStore()) throws -> (String, DeviceKeyStore, NewVault) {
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
        XCTAssertEqual(defaultKdfParams().memoryKib, 65536)
        let (path, store, created) = try newVault(role: .hurt)
        let v = created.vault
        XCTAssertTrue(vaultExists(path: path))
        XCTAssertFalse(vaultExists(path: path + ".none"))
        XCTAssertEqual(created.recoveryCode.count, 34)
        XCTAssertTrue(v.isUnlocked())
        XCTAssertEqual(v.lockState(), .unlocked)
        XCTAssertEqual(try v.role(), .hurt)
        XCTAssertLessThan(abs(try v.startedAt().timeIntervalSinceNow), 60)
        XCTAssertEqual(try v.damagedRecordCount(), 0)
        XCTAssertFalse(try v.recoveryCodeConfirmed())
        try v.confirmRecoveryCode()
        XCTAssertTrue(try v.recoveryCodeConfirmed())
        v.lock()
        XCTAssertFalse(v.isUnlocked())
        let again = try MendVault.open(path: path, keyStore: store)
        XCTAssertEqual(try again.unlockStatus(), UnlockStatus(failedAttempts: 0, attemptsLeft: 5, retryAt: nil, lastAttemptInterrupted: false))
        try again.unlock(passcode: pass())
        XCTAssertTrue(again.isUnlocked())
    }

    func testEveryErrorAScreenCanSeeArrivesAsItsOwnCase() throws {
        let (path, store, created) = try newVault()
        let v = created.vault
        expect({ try createVault(path: path, passcode: pass(), role: .hurt, kdf: smallKdf, keyStore: store) }) { $0 == .AlreadyExists }
        expect({ try MendVault.open(path: path + ".none", keyStore: store) }) { $0 == .NoVault }
        let min = UInt32(limits().passcodeMinBytes)
        expect({ try createVault(path: path + ".2", passcode: pass("12345"), role: .hurt, kdf: smallKdf, keyStore: store) }) {
            $0 == .InvalidInput(field: .passcode, problem: .tooShort(min: min, unit: .bytes))
        }
        expect({ try v.note(id: String(repeating: "0", count: 32)) }) { $0 == .NotFound }
        v.lock()
        expect({ try v.noteCount() }) { $0 == .Locked }
        for left in stride(from: 4, through: 0, by: -1) {
            expect({ try v.unlock(passcode: pass("wrong-code")) }) { $0 == .WrongPasscode(attemptsLeft: Int32(left)) }
        }
        expect({ try v.unlock(passcode: pass()) }) {
            if case .TooManyAttempts(let retryAt, let afterInterruption) = $0 {
                return retryAt > Date().addingTimeInterval(20) && !afterInterruption
            }
            return false
        }
        let other = try newVault().2.vault
        other.lock()
        expect({ try other.recover(recoveryCode: "0000-0000-0000-0000-0000-0000-0000", newPasscode: pass("new-passcode")) }) {
            $0 == .WrongRecoveryCode(attemptsLeft: 4)
        }
        let (elsewhere, _, elsewhereVault) = try newVault()
        elsewhereVault.vault.lock()
        expect({ try MendVault.open(path: elsewhere, keyStore: TableKeyStore()).unlock(passcode: pass()) }) { $0 == .DeviceKeyMissing }
        let dir = tempVaultPath()
        for declared in [true, false] {
            expect({ try createVault(path: dir + "\(declared)", passcode: pass(), role: .hurt, kdf: smallKdf,
                                     keyStore: FailingKeyStore(declared: declared)) }) { $0 == .DeviceKeyUnavailable }
        }
        let (newer, newerStore, newerVault) = try newVault()
        newerVault.vault.lock()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: newer))
        try handle.seek(toOffset: 60) // SQLite's user_version
        handle.write(Data([0, 0, 0, 99]))
        try handle.close()
        expect({ try MendVault.open(path: newer, keyStore: newerStore) }) { $0 == .NewerVault(found: 99, supported: 3) }
        let (damaged, damagedStore, damagedVault) = try newVault()
        damagedVault.vault.lock()
        let broken = try FileHandle(forUpdating: URL(fileURLWithPath: damaged))
        broken.write(Data(repeating: 0, count: 100))
        try broken.close()
        expect({ try MendVault.open(path: damaged, keyStore: damagedStore) }) { if case .Damaged = $0 { return true }; return false }
        try v.erase()
        XCTAssertEqual(v.lockState(), .erased)
        expect({ try v.unlockStatus() }) { $0 == .Closed }
        // A full disk and other storage failures are produced for real by the Python and
        // Kotlin suites (a small tmpfs, a writer holding the file); here, their cases stay
        // distinct from the rest.
        let storage: [MendError] = [.StorageFull, .Other(detail: "sqlite DatabaseBusy")]
        XCTAssertEqual(Set(storage).count, 2)
        XCTAssertFalse(storage.contains(.Damaged(detail: "sqlite DatabaseBusy")))
    }

    func testNotesRoundTripWithAnyTextAndALargeBody() throws {
        let v = try newVault().2.vault
        let texts = ["Évening walk — café ☕", "שלום, we listened", "🙏🏽 thank you", "日本語のメモ"]
        let ids = try texts.enumerated().map { i, t in
            try v.addNote(draft: NoteDraft(title: t, body: t + " body", step: Int32(i + 1), tags: [String(t.prefix(5))])).note.id
        }
        for (id, t) in zip(ids, texts) {
            let n = try v.note(id: id)
            XCTAssertEqual(n.summary.title, t)
            XCTAssertEqual(n.body, t + " body")
        }
        let big = String(repeating: "ü", count: 512 * 1024)
        let bigId = try v.addNote(draft: NoteDraft(title: "big", body: big)).note.id
        XCTAssertEqual(try v.note(id: bigId).body, big)
        expect({ try v.addNote(draft: NoteDraft(title: "big", body: big + "!")) }) {
            $0 == .InvalidInput(field: .body, problem: .tooLong(max: 1024 * 1024, unit: .bytes))
        }
        XCTAssertEqual(try v.noteCount(), 5)
        let page = try v.notes(query: all, offset: 0, limit: 2)
        XCTAssertEqual(page.total, 5)
        XCTAssertEqual(page.notes.map(\.id), [bigId, ids[3]])
        XCTAssertEqual(try v.notes(query: NoteQuery(step: 2), offset: 0, limit: 50).notes.map(\.id), [ids[1]])
        XCTAssertEqual(try v.tagsInUse().count, 4)
        try v.prepareSearch()
        XCTAssertEqual(try v.notes(query: NoteQuery(words: "CAFÉ évening"), offset: 0, limit: 10).notes.map(\.id), [ids[0]])
        let edited = try v.editNote(id: ids[0], draft: NoteDraft(title: "Morning", body: "new words")).note
        XCTAssertEqual(edited.title, "Morning")
        v.lock()
        try v.unlock(passcode: pass())
        XCTAssertEqual(try v.note(id: ids[0]).body, "new words")
        try v.deleteNote(id: ids[0])
        expect({ try v.note(id: ids[0]) }) { $0 == .NotFound }
    }

    func testPasscodeChangeAndRecovery() throws {
        let (_, _, created) = try newVault()
        let v = created.vault
        _ = try v.addNote(draft: NoteDraft(title: "kept", body: "body"))
        // A change rekeys the vault and replaces the recovery code too.
        let changedCode = try v.changePasscode(current: pass(), new: pass("second-pass"))
        XCTAssertNotEqual(changedCode, created.recoveryCode)
        v.lock()
        expect({ try v.unlock(passcode: pass()) }) { if case .WrongPasscode = $0 { return true }; return false }
        try v.unlock(passcode: pass("second-pass"))
        v.lock()
        expect({ try v.recover(recoveryCode: created.recoveryCode, newPasscode: pass("third-pass")) }) { if case .WrongRecoveryCode = $0 { return true }; return false }
        let newCode = try v.recover(recoveryCode: changedCode, newPasscode: pass("third-pass"))
        XCTAssertNotEqual(newCode, changedCode)
        XCTAssertFalse(try v.recoveryCodeConfirmed())
        let fresh = try v.newRecoveryCode()
        try v.confirmRecoveryCode()
        v.lock()
        expect({ try v.recover(recoveryCode: newCode, newPasscode: pass("fourth")) }) { if case .WrongRecoveryCode = $0 { return true }; return false }
        _ = try v.recover(recoveryCode: fresh, newPasscode: pass("fourth-pass"))
    }

    func testEachGuessTakesOneOperationOfTheKeyStore() throws {
        let store = TableKeyStore()
        let (_, _, created) = try newVault(store: store)
        let v = created.vault
        v.lock()
        let before = store.derivations
        expect({ try v.unlock(passcode: pass("not-it-at-all")) }) { if case .WrongPasscode = $0 { return true }; return false }
        try v.unlock(passcode: pass())
        XCTAssertEqual(store.derivations - before, 2)
        XCTAssertEqual(try v.check(), VaultCheck(damagedRecords: 0, recordsUnmatched: false, olderCopy: false, settingsLost: false))
    }

    func testTheRustFileKeyStoreWorksFromSwift() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = fileDeviceKeyStore(dir: dir.path)
        let alias = "app.mend.vault.test.1"
        let wrapped = try store.wrap(alias: alias, plain: pass("secret"))
        XCTAssertEqual(try store.unwrap(alias: alias, wrapped: wrapped), pass("secret"))
        XCTAssertEqual(try store.derive(alias: alias, input: pass("x")), try store.derive(alias: alias, input: pass("x")))
        try store.destroyKey(alias: alias)
        XCTAssertThrowsError(try store.unwrap(alias: alias, wrapped: wrapped)) { XCTAssertEqual($0 as? DeviceKeyError, .KeyMissing) }
    }

    func testAListenerHearsChangesWithoutContent() throws {
        final class Recorder: VaultListener, @unchecked Sendable {
            var heard: [String] = []
            func lockStateChanged(state: LockState) { heard.append("\(state)") }
            func dataChanged(change: DataChange) { heard.append("\(change)") }
        }
        let v = try newVault().2.vault
        let recorder = Recorder()
        v.setListener(listener: recorder)
        _ = try v.addNote(draft: NoteDraft(title: "t", body: "b"))
        _ = try v.checkIn(safety: 3, trust: 4, connection: 5, note: "")
        v.lock()
        XCTAssertEqual(recorder.heard, ["\(DataChange.notes)", "\(DataChange.tool(kind: .checkIns))", "\(LockState.locked)"])
    }

    func testTheProgramTodayPracticeAndProgress() throws {
        XCTAssertEqual(try programSteps().map(\.number), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try programStep(number: 3).key, "remorse")
        XCTAssertGreaterThanOrEqual(try programThemes().count, 5)
        XCTAssertEqual(try helpResources(region: "AU").resources.first?.country, "AU")
        let v = try newVault().2.vault
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        v.setTimeZone(zone: TestZone(berlin))
        let pages = try v.programPages()
        XCTAssertEqual(pages.filter { if case .step = $0 { true } else { false } }.count, 6)
        XCTAssertTrue(pages.dropFirst(6).allSatisfy { if case .module = $0 { true } else { false } })
        let today = try v.todayPrompt()
        XCTAssertEqual(today.outcome, .shown)
        XCTAssertTrue(today.moreAvailable && !today.isAlternative)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        XCTAssertEqual(today.date, CalendarDate(year: Int32(parts.year!), month: Int32(parts.month!), day: Int32(parts.day!)))
        let other = try v.anotherPrompt()
        XCTAssertNotEqual(other.prompt.id, today.prompt.id)
        XCTAssertEqual(try v.skipPrompt(promptId: other.prompt.id).outcome, .skipped)
        let done = try v.completePrompt(promptId: today.prompt.id, response: "Écouté. 🙏").prompt
        XCTAssertEqual(done.outcome, .done)
        XCTAssertEqual(done.response, "Écouté. 🙏")
        let progress = try v.progress()
        XCTAssertEqual(progress.daysPractisedLast7, 1)
        XCTAssertEqual(progress.milestones.map(\.key), ["first-practice"])
        let midnight = calendar.dateComponents([.hour, .minute], from: try v.nextDayStarts())
        XCTAssertEqual([midnight.hour, midnight.minute], [0, 0])
        v.setTimeZone(zone: TestZone(offset: 25 * 3600))
        expect({ try v.todayPrompt() }) { if case .InvalidInput(.timeZone, _) = $0 { return true }; return false }
    }

    func testTheLetterCheckOffersHelpForDangerAndTipsOtherwise() throws {
        let text = "I'm sorry if you were hurt. Please forgive me, but you never listened."
        let check = try checkLetterPhrasing(text: text)
        let reasons = check.flags.map(\.reason)
        XCTAssertTrue(reasons.contains(.conditional) && reasons.contains(.asksForgiveness), "\(reasons)")
        let first = try XCTUnwrap(check.flags.first)
        let scalars = Array(text.unicodeScalars)[Int(first.start)..<Int(first.end)]
        XCTAssertEqual(String(String.UnicodeScalarView(scalars)), first.excerpt)
        XCTAssertTrue(first.excerpt.contains("if") && !first.label.isEmpty && !first.suggestion.isEmpty)
        XCTAssertNil(check.help)
        XCTAssertEqual(check.nothingFound, "")
        let harm = try checkLetterPhrasing(text: "Some days I dont want to be alive.")
        XCTAssertEqual(harm.flags, [], "danger gets help, never writing tips")
        let offer = try XCTUnwrap(harm.help)
        XCTAssertTrue(offer.danger.contains(.selfHarm))
        XCTAssertFalse(offer.paragraphs.joined().contains("dont want"), "the card never repeats what was written")
        let clean = try checkLetterPhrasing(text: "I lied to you for months, and I hid it.")
        XCTAssertEqual(clean.flags, [])
        XCTAssertNil(clean.help)
        XCTAssertFalse(clean.nothingFound.isEmpty, "the honest words when nothing was flagged")
    }

    func testSavingFreeTextReturnsTheHelpOfferAfterSaving() throws {
        XCTAssertEqual(setPlace(locale: "en-GB", timeZone: "Europe/London"), "GB")
        XCTAssertEqual(helpRegion(), "GB")
        let v = try newVault(role: .hurt).2.vault
        let saved = try v.addNote(draft: NoteDraft(title: "tonight", body: "I keep thinking about the pills in the cabinet"))
        let offer = try XCTUnwrap(saved.help)
        XCTAssertEqual(offer.danger, [.selfHarm])
        XCTAssertEqual(offer.lines.first?.kind, .crisis)
        XCTAssertEqual(offer.lines.first?.country, "GB")
        XCTAssertEqual(try v.note(id: saved.note.id).body, "I keep thinking about the pills in the cabinet", "saved first, whatever it says")
        let low = try v.checkIn(safety: 1, trust: 5, connection: 5, note: "")
        XCTAssertEqual(low.help?.checkIns, .lowSafety)
        XCTAssertNil(try v.checkIn(safety: 8, trust: 8, connection: 8, note: "a calm walk").help)
        let threat = try v.addEntry(entry: .trigger(Trigger(at: Date(timeIntervalSince1970: 5),
                                                            what: "He said he'd take the kids if I go to a lawyer", intensity: 9, helped: "")))
        XCTAssertTrue(try XCTUnwrap(threat.help).danger.contains(.threatOrControl))
        XCTAssertEqual(try dangerSignals(text: "my feet are killing me after that shift"), [])
        // Every line carries what to dial and text (empty when it takes none), and its source.
        let lines = try helpResources(region: "GB").resources
        XCTAssertTrue(lines.contains { !$0.call.isEmpty })
        XCTAssertTrue(lines.allSatisfy { $0.call.allSatisfy(\.isNumber) && $0.text.allSatisfy(\.isNumber) })
        XCTAssertTrue(lines.allSatisfy { !$0.source.isEmpty })
    }

    func testTheToolsAddEditDeleteAndList() throws {
        let v = try newVault(role: .hurt).2.vault
        v.setTimeZone(zone: TestZone(TimeZone(identifier: "Pacific/Auckland")!))
        XCTAssertNil(try v.todaysCheckIn())
        let checkIn = try v.checkIn(safety: 3, trust: 2, connection: 4, note: "Long day").record
        XCTAssertEqual(checkIn.id.count, 32)
        XCTAssertEqual(try v.checkIn(safety: 5, trust: 5, connection: 5, note: "").record.id, checkIn.id)
        let trigger = try v.addEntry(entry: .trigger(Trigger(at: Date(timeIntervalSince1970: 1), what: "A song 🎵", intensity: 7, helped: "Walking"))).record
        let question = try v.addEntry(entry: .question(Question(text: "Why?", askedBy: .me, kind: .meaning, answer: "", status: .open))).record
        _ = try v.addEntry(entry: .contact(Contact(at: Date(timeIntervalSince1970: 2), channel: "call", whatHappened: "", howHandled: "Hung up", disclosedAt: nil)))
        for kind in [ToolKind.checkIns, .triggers, .questions, .contacts] {
            XCTAssertEqual(try v.entries(tool: kind).count, 1, "\(kind)")
        }
        let answered = try v.editEntry(id: question.id, entry: .question(Question(text: "Why?", askedBy: .me, kind: .meaning, answer: "I was afraid.", status: .answered))).record
        guard case .question(let q) = answered.entry else { return XCTFail("not a question") }
        XCTAssertEqual(q.answer, "I was afraid.")
        expect({ try v.checkIn(safety: 11, trust: 2, connection: 4, note: "") }) {
            $0 == .InvalidInput(field: .safety, problem: .outOfRange(min: 0, max: 10))
        }
        try v.deleteEntry(id: trigger.id)
        XCTAssertEqual(try v.entries(tool: .triggers), [])
        expect({ try v.deleteEntry(id: trigger.id) }) { $0 == .NotFound }
    }

    func testRemindersScheduleInThePlatformZone() throws {
        let v = try newVault().2.vault
        v.setTimeZone(zone: TestZone(TimeZone(identifier: "Asia/Tokyo")!))
        let everyDay: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        let r = try v.addEntry(entry: .reminder(Reminder(purpose: .checkIn, weekdays: everyDay, hour: 21, minute: 15, enabled: true))).record
        let upcoming = try v.upcomingReminders(limit: 3)
        XCTAssertEqual(upcoming.count, 3)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        for f in upcoming {
            XCTAssertEqual(f.text, "Time for your check-in")
            XCTAssertEqual(f.reminderId, r.id)
            let parts = utc.dateComponents([.hour, .minute], from: f.at)
            XCTAssertEqual([parts.hour, parts.minute], [12, 15])
        }
    }

    func testTheStepToolsWorksheetsBoundariesCutTiesAndTimeTogether() throws {
        let v = try newVault().2.vault
        _ = try v.addEntry(entry: .worksheet(Worksheet(kind: .remorseLetter, sections: ["I lied.", "You stopped sleeping.", "It was my choice.", "I answer every question."])))
        expect({ try v.addEntry(entry: .worksheet(Worksheet(kind: .story, sections: ["one"]))) }) {
            $0 == .InvalidInput(field: .sections, problem: .badFormat)
        }
        XCTAssertEqual(try worksheetInfo(kind: .remorseLetter).sections.count, 4)
        let tie = try v.addEntry(entry: .cutTie(CutTie(item: "Leave the shared gym", done: false))).record
        _ = try v.addEntry(entry: .boundary(Boundary(isNeed: false, text: "No contact with them at all", agreed: true)))
        _ = try v.addEntry(entry: .timeTogether(TimeTogether(at: Date(timeIntervalSince1970: 1), plan: "A walk", asked: true, answer: .notNow, respected: true)))
        XCTAssertEqual(try v.entries(tool: .remorseLetters).count, 1)
        XCTAssertEqual(try v.entries(tool: .boundaries).count, 1)
        XCTAssertEqual(try v.entries(tool: .timeTogether).count, 1)
        let done = try v.editEntry(id: tie.id, entry: .cutTie(CutTie(item: "Leave the shared gym", done: true))).record
        guard case .cutTie(let item) = done.entry else { return XCTFail("not a cut tie") }
        XCTAssertTrue(item.done)
    }
}
