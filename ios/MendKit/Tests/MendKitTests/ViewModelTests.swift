// MendKit's session and view models against a real vault: every screen's model, walking
// each role's life as the Android tests do, at the view-model level.
import Foundation
import MendCore
import MendKit
import MendTestSupport
import XCTest

/// Waits (up to two seconds) until `check` holds: for changes the core announces.
@MainActor
func eventually(_ check: () -> Bool, file: StaticString = #filePath, line: UInt = #line) async {
    for _ in 0..<400 {
        if check() { return }
        try? await Task.sleep(nanoseconds: 5_000_000)
    }
    XCTFail("did not happen in time", file: file, line: line)
}

@MainActor
final class ViewModelTests: XCTestCase {
    private func newSession(role: Role = .repairing, core: CoreQueue = CoreQueue(), path: String = tempVaultPath(),
                            store: DeviceKeyStore = TableKeyStore()) async throws -> MendSession {
        let session = MendSession(path: path, keyStore: store, zone: { TestZone(TimeZone(identifier: "Europe/Berlin")!) }, core: core)
        try await session.start()
        _ = try await session.create(role: role, passcode: "passcode-1", kdf: smallKdf)
        try await session.confirmRecoveryCode()
        return session
    }

    // Each role's whole life through one vault, at the view-model level, as the Android UI
    // tests walk it on screen: first run, today, the journal, the tools, a check-in and
    // progress, reminders, a lock in the background, a wrong then right passcode, a passcode
    // change, erase.

    func testTheRepairingPartnersWholeLife() async throws {
        let session = try await firstRun(.repairing)
        try await practiseToday(session, "I answered every question she asked tonight.")
        try await writeFindChangeAndDeleteANote(session)
        let now = Date()
        for (tool, entry) in [
            (ToolKind.questions, ToolEntry.question(Question(text: "Where were you on Fridays?", askedBy: .partner, kind: .fact,
                                                             answer: "", status: .open))),
            (.contacts, .contact(Contact(at: now, channel: "A message", whatHappened: "", howHandled: "", disclosedAt: now))),
            (.cutTies, .cutTie(CutTie(item: "Delete the number", done: true))),
            (.timeTogether, .timeTogether(TimeTogether(at: now, plan: "A walk by the river", asked: true, answer: .yes,
                                                       respected: true))),
            (.boundaries, .boundary(Boundary(isNeed: true, text: "No phone at dinner", agreed: false))),
        ] {
            let model = ToolViewModel(session: session, tool: tool)
            await model.add(entry)
            XCTAssertNil(model.problem, "\(tool)")
            XCTAssertEqual(model.entries.count, 1, "\(tool)")
        }
        let letter = WorksheetViewModel(session: session, kind: .remorseLetter)
        await letter.open()
        await letter.edit(section: 0, "I lied to you for months, and I am sorry.")
        await letter.save()
        XCTAssertTrue(letter.saved)
        try await addAReminder(session)
        try await checkInAndSeeProgress(session)
        try await lockInTheBackgroundThenUnlock(session)
        try await changeThePasscodeThenEraseEverything(session)
    }

    func testTheHurtPartnersWholeLife() async throws {
        let session = try await firstRun(.hurt)
        try await practiseToday(session, "I said what I needed tonight, and it was heard.")
        try await writeFindChangeAndDeleteANote(session)
        let triggers = ToolViewModel(session: session, tool: .triggers)
        await triggers.add(.trigger(Trigger(at: Date(), what: "A song on the radio", intensity: 7, helped: "Walking outside")))
        XCTAssertEqual(triggers.entries.count, 1)
        let questions = ToolViewModel(session: session, tool: .questions)
        await questions.add(.question(Question(text: "When did it start?", askedBy: .me, kind: .fact, answer: "", status: .open)))
        let asked = try XCTUnwrap(questions.entries.first)
        guard case .question(var question) = asked.entry else { return XCTFail("not a question") }
        question.answer = "In March."
        await questions.edit(id: asked.id, .question(question))
        guard case .question(let answered)? = questions.entries.first?.entry else { return XCTFail("not a question") }
        XCTAssertEqual(answered.answer, "In March.")
        try await addAReminder(session)
        try await checkInAndSeeProgress(session)
        try await lockInTheBackgroundThenUnlock(session)
        try await changeThePasscodeThenEraseEverything(session)
    }

    /// First run as `role` through the onboarding model: passcode twice, the code kept.
    private func firstRun(_ role: Role) async throws -> MendSession {
        let session = MendSession(path: tempVaultPath(), keyStore: TableKeyStore())
        try await session.start()
        let onboarding = OnboardingViewModel(session: session, kdf: smallKdf)
        onboarding.choose(role: role)
        await onboarding.choosePasscode("first-passcode", again: "first-passcode")
        XCTAssertNotNil(onboarding.recoveryCode)
        await onboarding.recoveryCodeKept()
        XCTAssertEqual(session.state, .unlocked(role: role, recoveryCodeConfirmed: true))
        return session
    }

    /// Today: the prompt done, with a response.
    private func practiseToday(_ session: MendSession, _ response: String) async throws {
        let today = TodayViewModel(session: session)
        await today.refresh()
        XCTAssertNotNil(today.prompt)
        await today.done(response: response)
        XCTAssertEqual(today.prompt?.outcome, .done)
    }

    /// A note written, found by a word in it, changed and deleted.
    private func writeFindChangeAndDeleteANote(_ session: MendSession) async throws {
        let editor = NoteEditorViewModel(session: session)
        editor.edit { $0.title = "After the walk"; $0.body = "We talked about the lighthouse trip." }
        await editor.save()
        let id = try XCTUnwrap(editor.id)
        let journal = JournalViewModel(session: session)
        journal.setWords("lighthouse")
        await journal.settled()
        XCTAssertEqual(journal.notes.map(\.title), ["After the walk"])
        let open = NoteEditorViewModel(session: session)
        await open.load(id: id)
        open.edit { $0.body = "We talked about the lighthouse trip. I felt heard." }
        await open.save()
        let stored = try await session.call { try $0.note(id: id) }
        XCTAssertEqual(stored.body, "We talked about the lighthouse trip. I felt heard.")
        await open.delete()
        XCTAssertTrue(open.deleted)
        await eventually { journal.notes.isEmpty }
    }

    /// A reminder added; the notifications coming up carry the core's neutral words.
    private func addAReminder(_ session: MendSession) async throws {
        let reminders = RemindersViewModel(session: session)
        await reminders.add(Reminder(purpose: .practice, weekdays: [.monday, .thursday], hour: 20, minute: 0, enabled: true))
        XCTAssertEqual(reminders.reminders.count, 1)
        XCTAssertEqual(reminders.upcoming.first?.text, "A moment for today's practice")
    }

    /// A check-in; progress shows it and the day's practice.
    private func checkInAndSeeProgress(_ session: MendSession) async throws {
        let checkIn = CheckInViewModel(session: session)
        await checkIn.refresh()
        checkIn.safety = 4
        checkIn.trust = 3
        checkIn.connection = 5
        await checkIn.save()
        XCTAssertTrue(checkIn.checkedInToday)
        let progress = ProgressViewModel(session: session)
        await progress.refresh()
        XCTAssertEqual(progress.progress?.daysPractised, 1)
        XCTAssertEqual(progress.progress?.checkInWeeks.last?.count, 1)
    }

    /// Away for longer than the delay: locked on return; a wrong passcode, then the right one.
    private func lockInTheBackgroundThenUnlock(_ session: MendSession) async throws {
        session.movedToBackground(at: Date().addingTimeInterval(-3_600))
        await session.movedToForeground()
        XCTAssertEqual(session.state, .locked)
        let unlock = UnlockViewModel(session: session)
        await unlock.refresh()
        await unlock.submit("not-the-passcode")
        XCTAssertEqual(unlock.problem, .WrongPasscode(attemptsLeft: 4))
        await unlock.submit("first-passcode")
        if case .unlocked = session.state {} else { XCTFail("the right passcode opens it") }
    }

    /// The passcode changed (a new recovery code kept), the old one refused, then erase.
    private func changeThePasscodeThenEraseEverything(_ session: MendSession) async throws {
        let change = ChangePasscodeViewModel(session: session)
        await change.submit(current: "first-passcode", new: "second-passcode", again: "second-passcode")
        XCTAssertNotNil(change.newRecoveryCode)
        await change.recoveryCodeKept()
        XCTAssertTrue(change.done)
        await session.lock()
        let unlock = UnlockViewModel(session: session)
        await unlock.submit("first-passcode")
        XCTAssertNotNil(unlock.problem)
        await unlock.submit("second-passcode")
        let settings = SettingsViewModel(session: session)
        await settings.erase()
        XCTAssertTrue(settings.erased)
        XCTAssertEqual(session.state, .erased)
    }

    func testABackupCarriesTheSpaceToANewDevice() async throws {
        let files = FolderSharedFiles()
        let old = try await newSession(role: .hurt)
        _ = try await old.call { try $0.addNote(draft: NoteDraft(title: "Carried over", body: "Written on the old phone.", step: nil, tags: [])) }
        let backup = BackupViewModel(session: old, files: files, kdf: smallKdf)
        await backup.refresh()
        XCTAssertEqual(backup.minChars, 12)
        await backup.makeBackup(passphrase: "a long passphrase for us", again: "a long passphrase for me")
        XCTAssertTrue(backup.mismatch)
        await backup.makeBackup(passphrase: "too short", again: "too short")
        guard case .InvalidInput(field: .backupPassphrase, _)? = backup.problem else {
            return XCTFail("a short passphrase is refused: \(String(describing: backup.problem))")
        }
        await backup.makeBackup(passphrase: "a long passphrase for us", again: "a long passphrase for us")
        XCTAssertNil(backup.problem)
        XCTAssertEqual(backup.records, 2, "the settings and the note")
        XCTAssertEqual(backup.deliveredTo, "the backups folder")
        XCTAssertNotNil(files.suggested?.range(of: #"^mend-\d{4}-\d{2}-\d{2}\.mendbackup$"#, options: .regularExpression))
        XCTAssertNil(backup.progress)

        // A new phone: another key store, no vault yet.
        let session = MendSession(path: tempVaultPath(), keyStore: TableKeyStore(), core: CoreQueue())
        try await session.start()
        let restore = RestoreViewModel(session: session, files: files, kdf: smallKdf)
        await restore.restore(passphrase: "a long passphrase for us", passcode: "new-passcode", again: "new-passcode")
        XCTAssertNil(restore.recoveryCode, "nothing happens before a backup is chosen")
        await restore.pickBackup()
        XCTAssertEqual(restore.backupName, "mend-2.mendbackup")
        await restore.restore(passphrase: "not the passphrase", passcode: "new-passcode", again: "new-passcode")
        XCTAssertEqual(restore.problem, .WrongBackupPassphrase)
        XCTAssertEqual(session.state, .noVault)
        await restore.restore(passphrase: "a long passphrase for us", passcode: "new-passcode", again: "new-passcode")
        XCTAssertNil(restore.problem)
        XCTAssertEqual(restore.recoveryCode?.split(separator: "-").count, 7)
        XCTAssertEqual(session.state, .unlocked(role: .hurt, recoveryCodeConfirmed: false, damagedRecords: 0, olderCopy: false,
                                                recordsUnmatched: false))
        await restore.recoveryCodeKept()
        XCTAssertTrue(restore.done)
        let titles = try await session.call { try $0.notes(query: NoteQuery(step: nil, tag: nil, words: nil), offset: 0, limit: 10).notes.map(\.title) }
        XCTAssertEqual(titles, ["Carried over"])
        await session.lock()
        try await session.unlock(passcode: "new-passcode")
    }

    func testAnExportIsWrittenAndHandedOver() async throws {
        let files = FolderSharedFiles()
        let session = try await newSession()
        _ = try await session.call { try $0.addNote(draft: NoteDraft(title: "Exported", body: "Words to keep.", step: nil, tags: [])) }
        let model = ExportViewModel(session: session, files: files)
        await model.export(.json)
        XCTAssertNil(model.problem)
        XCTAssertTrue(model.done)
        XCTAssertEqual(model.deliveredTo, "the backups folder")
        XCTAssertNotNil(files.suggested?.range(of: #"^mend-export-\d{4}-\d{2}-\d{2}\.json$"#, options: .regularExpression))
        await session.lock()
        await model.export(.markdown)
        XCTAssertEqual(model.problem, .Locked)
        XCTAssertFalse(model.done)
    }

    func testANoteThatSpeaksOfSelfHarmIsSavedAndBringsTheOfferOfHelp() async throws {
        let session = try await newSession()
        let editor = NoteEditorViewModel(session: session)
        editor.edit { $0.title = "Tonight"; $0.body = "I keep thinking about the pills in the cabinet" }
        await editor.save()
        XCTAssertNil(editor.problem)
        let offer = try XCTUnwrap(editor.help, "help is offered")
        XCTAssertEqual(offer.danger, [.selfHarm])
        XCTAssertFalse(offer.lines.isEmpty, "lines to reach, wherever the device is")
        XCTAssertFalse(offer.title.isEmpty || offer.paragraphs.isEmpty)
        XCTAssertFalse(offer.paragraphs.joined().contains("pills"), "the card never repeats what was written")
        XCTAssertFalse(editor.dirty, "the note is kept")
        let journal = JournalViewModel(session: session)
        await journal.refresh()
        XCTAssertEqual(journal.notes.map(\.title), ["Tonight"], "saved first, whatever it says")
        let id = try XCTUnwrap(editor.id)
        let stored = try await session.call { try $0.note(id: id) }
        XCTAssertEqual(stored.body, "I keep thinking about the pills in the cabinet")
        editor.edit { $0.body = "We walked by the river and talked." }
        await editor.save()
        XCTAssertNil(editor.help, "an ordinary note brings no offer")
    }

    func testASummaryHoldsOnlyWhatThePersonPicked() async throws {
        let files = FolderSharedFiles()
        let session = try await newSession()
        let kept = try await session.call {
            try $0.addNote(draft: NoteDraft(title: "For the session", body: "What I want to bring.", step: nil, tags: []))
        }
        _ = try await session.call { try $0.addNote(draft: NoteDraft(title: "Private", body: "Not for anyone else.", step: nil, tags: [])) }
        let model = SummaryViewModel(session: session, files: files)
        await model.refresh()
        XCTAssertEqual(model.periods.map(\.weeks), [2, 4, 12, 0])
        XCTAssertEqual(model.period?.weeks, 4)
        model.chosenNotes = [kept.note.id]
        model.checkIns = false
        await model.makePreview()
        XCTAssertEqual(model.preview?.sections.map(\.heading), ["Practice and progress", "Notes"])
        XCTAssertEqual(model.preview?.sections.last?.items.map(\.heading), ["For the session"])
        await model.write(.html)
        XCTAssertTrue(model.done)
        let name = try XCTUnwrap(files.suggested)
        XCTAssertNotNil(name.range(of: #"^summary-.*\.html$"#, options: .regularExpression))
        let page = try String(contentsOfFile: files.dir.appendingPathComponent("mend-1.mendbackup").path, encoding: .utf8)
        XCTAssertTrue(page.contains("What I want to bring.") && !page.contains("Not for anyone else."))
        // Printing sends the same page to the print dialog, named by its dates.
        XCTAssertTrue(model.canPrint)
        await model.sendToPrinter()
        XCTAssertEqual(files.printed.map(\.jobName), [String(name.dropLast(".html".count))])
        XCTAssertEqual(files.printed.first?.page, page)
        model.chosenNotes = []
        model.practice = false
        await model.makePreview()
        guard case .InvalidInput? = model.problem else { return XCTFail("nothing picked: \(String(describing: model.problem))") }
    }

    func testOnboardingCreatesTheVaultAndTheCodeCountsOnlyOnceKept() async throws {
        let session = MendSession(path: tempVaultPath(), keyStore: TableKeyStore())
        let started = try await session.start()
        XCTAssertEqual(started, .noVault)
        let model = OnboardingViewModel(session: session, kdf: smallKdf)
        model.choose(role: .hurt)
        XCTAssertEqual(model.step, .choosePasscode)
        await model.choosePasscode("123456", again: "123457")
        XCTAssertTrue(model.mismatch)
        await model.choosePasscode("12345", again: "12345")
        XCTAssertEqual(model.problem, .InvalidInput(field: .passcode, problem: .tooShort(min: 6, unit: .bytes)))
        await model.choosePasscode("123456", again: "123456")
        XCTAssertEqual(model.step, .showRecoveryCode)
        XCTAssertEqual(model.recoveryCode?.count, 34)
        XCTAssertEqual(session.state, .unlocked(role: .hurt, recoveryCodeConfirmed: false))
        await model.recoveryCodeKept()
        XCTAssertEqual(model.step, .done)
        XCTAssertNil(model.recoveryCode)
        XCTAssertEqual(session.state, .unlocked(role: .hurt, recoveryCodeConfirmed: true))
    }

    func testTheLockScreenCountsAttemptsThenCountsDownTheWait() async throws {
        let session = try await newSession()
        await session.lock()
        XCTAssertEqual(session.state, .locked)
        var now = Date()
        let model = UnlockViewModel(session: session, now: { now })
        await model.refresh()
        XCTAssertEqual(model.status?.attemptsLeft, 5)
        await model.submit("wrong-code")
        XCTAssertEqual(model.problem, .WrongPasscode(attemptsLeft: 4))
        for _ in 0..<4 { await model.submit("wrong-code") }
        XCTAssertEqual(model.problem, .WrongPasscode(attemptsLeft: 0))
        let retryAt = try XCTUnwrap(model.status?.retryAt)
        XCTAssertFalse(model.canSubmit)
        XCTAssertTrue((29...31).contains(model.secondsToWait))
        await model.submit("passcode-1")
        XCTAssertEqual(session.state, .locked, "no try during a wait")
        now = retryAt
        XCTAssertTrue(model.canSubmit)
    }

    func testTheLockScreenUnlocksWithTheRightPasscode() async throws {
        let session = try await newSession()
        await session.lock()
        let model = UnlockViewModel(session: session)
        await model.submit("passcode-1")
        XCTAssertNil(model.problem)
        XCTAssertEqual(session.state, .unlocked(role: .repairing, recoveryCodeConfirmed: true))
    }

    func testForgotPasscodeAndACodeNeverConfirmedIsReplacedAtTheNextStart() async throws {
        let path = tempVaultPath()
        let store = TableKeyStore()
        let first = MendSession(path: path, keyStore: store)
        try await first.start()
        let code = try await first.create(role: .repairing, passcode: "passcode-1", kdf: smallKdf)
        await first.close() // the app stopped before the code was confirmed
        let session = MendSession(path: path, keyStore: store)
        let found = try await session.start()
        XCTAssertEqual(found, .locked)
        let recover = RecoverViewModel(session: session)
        await recover.submit(recoveryCode: code, passcode: "new-passcode", again: "new-passcode")
        let fresh = try XCTUnwrap(recover.newRecoveryCode)
        XCTAssertEqual(session.state, .unlocked(role: .repairing, recoveryCodeConfirmed: false))
        await session.lock()
        try await session.unlock(passcode: "new-passcode")
        XCTAssertEqual(session.state, .unlocked(role: .repairing, recoveryCodeConfirmed: false), "still not confirmed")
        let replace = RecoveryCodeViewModel(session: session)
        await replace.replace()
        let shown = try XCTUnwrap(replace.code)
        XCTAssertNotEqual(shown, fresh)
        await replace.keep()
        XCTAssertTrue(replace.kept)
        XCTAssertEqual(session.state, .unlocked(role: .repairing, recoveryCodeConfirmed: true))
        await session.lock()
        do {
            _ = try await session.recover(recoveryCode: fresh, newPasscode: "third-passcode")
            XCTFail("a replaced code still worked")
        } catch {
            XCTAssertEqual(error as? MendError, .WrongRecoveryCode(attemptsLeft: 4))
        }
        _ = try await session.recover(recoveryCode: shown, newPasscode: "third-passcode")
        let change = ChangePasscodeViewModel(session: session)
        await change.submit(current: "third-passcode", new: "fourth-passcode", again: "fourth-passcodE")
        XCTAssertTrue(change.mismatch)
        await change.submit(current: "third-passcode", new: "fourth-passcode", again: "fourth-passcode")
        let rekeyed = try XCTUnwrap(change.newRecoveryCode)
        XCTAssertFalse(change.done)
        XCTAssertEqual(session.state, .unlocked(role: .repairing, recoveryCodeConfirmed: false))
        await change.recoveryCodeKept()
        XCTAssertTrue(change.done)
        XCTAssertNil(change.newRecoveryCode)
        await session.lock()
        _ = try await session.recover(recoveryCode: rekeyed, newPasscode: "fifth-passcode")
    }

    func testSettingsAndTheAutoLockDelay() async throws {
        let session = try await newSession()
        let settings = SettingsViewModel(session: session)
        await settings.refresh()
        XCTAssertEqual(settings.autoLockChoices, [0, 30, 60, 300, 900])
        XCTAssertEqual(settings.autoLockSeconds, 60)
        session.movedToBackground(at: Date())
        await session.movedToForeground()
        XCTAssertEqual(session.state, .unlocked(role: .repairing, recoveryCodeConfirmed: true), "back within the delay")
        await settings.setAutoLock(seconds: 30)
        XCTAssertEqual(settings.autoLockSeconds, 30)
        XCTAssertFalse(settings.discreet)
        await settings.setDiscreet(true)
        XCTAssertTrue(settings.discreet)

        session.movedToBackground(at: Date().addingTimeInterval(-31))
        await session.movedToForeground()
        XCTAssertEqual(session.state, .locked)
        XCTAssertNil(settings.autoLockSeconds, "what the screen showed is gone")
        let discreetWhileLocked = try await session.call { try $0.discreetMode() }
        XCTAssertTrue(discreetWhileLocked, "a plain name stays on the lock screen")
        try await session.unlock(passcode: "passcode-1")
        await settings.erase()
        XCTAssertTrue(settings.erased)
        XCTAssertEqual(session.state, .erased)
    }

    func testAnOlderCopyIsSaidUntilThePersonKeepsIt() async throws {
        let path = tempVaultPath()
        let store = TableKeyStore()
        let first = try await newSession(path: path, store: store)
        let note = try await first.call { try $0.addNote(draft: NoteDraft(title: "In the copy", body: "body")) }
        await first.lock()
        let copy = path + ".copy"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try await first.unlock(passcode: "passcode-1")
        try await first.call { try $0.deleteNote(id: note.note.id) }
        await first.lock()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: copy, toPath: path)
        let restored = MendSession(path: path, keyStore: store)
        _ = try await restored.start()
        try await restored.unlock(passcode: "passcode-1")
        XCTAssertEqual(restored.state, .unlocked(role: .repairing, recoveryCodeConfirmed: true, olderCopy: true))
        try await restored.keepRecordsAsTheyAre()
        XCTAssertEqual(restored.state, .unlocked(role: .repairing, recoveryCodeConfirmed: true))
    }

    func testHelpIsReachableWithoutAVault() async throws {
        let session = MendSession(path: tempVaultPath(), keyStore: TableKeyStore())
        try await session.start()
        let help = HelpViewModel(session: session)
        await help.refresh()
        XCTAssertTrue(try XCTUnwrap(help.help).resources.contains { $0.kind == .crisis })
    }

    func testTodayOffersAnotherWhileMoreAreLeftAndProgressFollows() async throws {
        let session = try await newSession()
        let today = TodayViewModel(session: session)
        let progress = ProgressViewModel(session: session)
        await today.refresh()
        let first = try XCTUnwrap(today.prompt)
        XCTAssertTrue(today.canSettle && today.canAskAnother)
        XCTAssertNotNil(today.nextDayStarts)
        await today.another()
        let other = try XCTUnwrap(today.prompt)
        XCTAssertTrue(other.isAlternative)
        XCTAssertNotEqual(first.prompt.id, other.prompt.id)
        await today.done(response: "We walked and I listened.")
        XCTAssertEqual(today.prompt?.outcome, .done)
        XCTAssertFalse(today.canSettle)
        await eventually { progress.progress?.daysPractised == 1 }
        await today.refresh()
        XCTAssertEqual(today.prompt?.prompt.id, first.prompt.id, "the day's prompt stays the same")
        await session.lock()
        XCTAssertNil(today.prompt, "nothing decrypted outlives the lock")
        XCTAssertNil(progress.progress)
        await today.refresh()
        XCTAssertEqual(today.problem, .Locked)
    }

    func testTheProgramShowsEachRolesPages() async throws {
        let repairing = ProgramViewModel(session: try await newSession(role: .repairing))
        await repairing.refresh()
        XCTAssertGreaterThan(repairing.pages.count, 6, "the six steps, then the modules")
        repairing.open(index: 4)
        guard case .step(let step)? = repairing.open else { return XCTFail("not a step") }
        XCTAssertEqual(step.key, "validation")
        let hurt = ProgramViewModel(session: try await newSession(role: .hurt))
        await hurt.refresh()
        XCTAssertTrue(hurt.pages.allSatisfy { if case .theme = $0 { return true }; return false })
    }

    func testTheJournalPagesFiltersSearchesAndReloadsAfterEditsElsewhere() async throws {
        let session = try await newSession()
        for i in 0..<7 {
            _ = try await session.call { try $0.addNote(draft: NoteDraft(title: "note \(i)", body: i % 2 == 0 ? "even day" : "odd day",
                                                                      step: Int32(1 + i % 3), tags: ["t\(i)"])) }
        }
        let journal = JournalViewModel(session: session, pageSize: 3)
        await journal.refresh()
        XCTAssertEqual(journal.notes.map(\.title), ["note 6", "note 5", "note 4"])
        XCTAssertEqual(journal.tags.count, 7)
        await journal.loadMore()
        await journal.loadMore()
        XCTAssertEqual(journal.notes.count, 7)
        XCTAssertFalse(journal.canLoadMore)
        journal.setStep(1)
        await journal.settled()
        XCTAssertEqual(journal.notes.map(\.title), ["note 6", "note 3", "note 0"])
        journal.setStep(nil)
        journal.setWords("EVEN")
        await journal.settled()
        XCTAssertEqual(journal.total, 4)
        journal.setTag("t4")
        await journal.settled()
        XCTAssertEqual(journal.notes.map(\.title), ["note 4"])
        journal.setWords("odd")
        await journal.settled()
        XCTAssertTrue(journal.isFilteredEmpty)
        journal.setWords("")
        journal.setTag(nil)
        await journal.settled()
        _ = try await session.call { try $0.addNote(draft: NoteDraft(title: "from elsewhere", body: "b")) }
        await eventually { journal.notes.first?.title == "from elsewhere" }
        await session.lock()
        XCTAssertTrue(journal.notes.isEmpty, "nothing decrypted outlives the lock")
    }

    func testAStaleSearchNeverReplacesANewerOne() async throws {
        let queue = DispatchQueue(label: "test.core")
        let session = try await newSession(core: CoreQueue(queue: queue))
        for title in ["apple pie", "apricot jam", "apricot tart"] {
            _ = try await session.call { try $0.addNote(draft: NoteDraft(title: title, body: "b")) }
        }
        let journal = JournalViewModel(session: session)
        queue.suspend()
        journal.setWords("ap")
        journal.setWords("apri")
        journal.setWords("apricot tart")
        // Let the three searches reach the queue, then let it answer them in order.
        try await Task.sleep(nanoseconds: 50_000_000)
        queue.resume()
        await journal.settled()
        try await Task.sleep(nanoseconds: 50_000_000)
        XCTAssertEqual(journal.shownQuery, NoteQuery(words: "apricot tart"))
        XCTAssertEqual(journal.notes.map(\.title), ["apricot tart"])
    }

    func testTypingDuringASaveKeepsTheNoteUnsaved() async throws {
        let queue = DispatchQueue(label: "test.core")
        let session = try await newSession(core: CoreQueue(queue: queue))
        let editor = NoteEditorViewModel(session: session)
        XCTAssertTrue(editor.isNew)
        XCTAssertFalse(editor.canSave)
        editor.edit { $0.title = "First"; $0.body = "Hard evening"; $0.step = 5 }
        queue.suspend()
        let saving = Task { await editor.save() }
        try await Task.sleep(nanoseconds: 20_000_000)
        editor.edit { $0.body = "Hard evening, then better" } // typed while saving
        queue.resume()
        await saving.value
        let id = try XCTUnwrap(editor.id)
        XCTAssertTrue(editor.dirty, "the later typing is not saved yet")
        let stored = try await session.call { try $0.note(id: id) }
        XCTAssertEqual(stored.body, "Hard evening")
        await editor.save()
        XCTAssertFalse(editor.dirty)
        editor.edit { $0.title = String(repeating: "x", count: 201) }
        await editor.save()
        XCTAssertEqual(editor.invalidField, .title)
        await editor.discard()
        XCTAssertEqual(editor.draft.title, "First")
        XCTAssertFalse(editor.dirty)
        await editor.delete()
        XCTAssertTrue(editor.deleted)
    }

    func testACheckInIsStampedByTheCoreOncePerDay() async throws {
        let session = try await newSession(role: .hurt)
        let model = CheckInViewModel(session: session)
        await model.refresh()
        XCTAssertFalse(model.checkedInToday)
        XCTAssertEqual(model.maxScore, 10)
        model.safety = 11
        await model.save()
        XCTAssertEqual(model.problem, .InvalidInput(field: .safety, problem: .outOfRange(min: 0, max: 10)))
        model.safety = 2
        model.note = "A hard evening"
        await model.save()
        XCTAssertTrue(model.checkedInToday)
        XCTAssertEqual(model.note, "")
        model.safety = 6
        await model.save()
        XCTAssertEqual(model.recent.count, 1)
        guard case .checkIn(let saved)? = model.recent.first?.entry else { return XCTFail("not a check-in") }
        XCTAssertEqual(saved.safety, 6)
    }

    func testToolsWorksheetsAndRemindersChangeThroughTheCore() async throws {
        let session = try await newSession()
        let ties = ToolViewModel(session: session, tool: .cutTies)
        await ties.add(.cutTie(CutTie(item: "Leave the shared gym", done: false)))
        let id = try XCTUnwrap(ties.entries.first?.id)
        await ties.edit(id: id, .cutTie(CutTie(item: "Leave the shared gym", done: true)))
        guard case .cutTie(let tie)? = ties.entries.first?.entry else { return XCTFail("not a tie") }
        XCTAssertTrue(tie.done)
        await ties.add(.cutTie(CutTie(item: " ", done: false)))
        XCTAssertEqual(ties.problem, .InvalidInput(field: .item, problem: .empty))
        await ties.delete(id: id)
        XCTAssertTrue(ties.entries.isEmpty)

        let letters = ToolViewModel(session: session, tool: .remorseLetters)
        let letter = WorksheetViewModel(session: session, kind: .remorseLetter)
        await letter.open()
        XCTAssertEqual(letter.info?.sections.count, 4)
        await letter.edit(section: 0, "I'm sorry if you were hurt.")
        XCTAssertTrue(letter.flags(0).contains { $0.reason == .conditional }, "\(letter.flags(0))")
        XCTAssertTrue(letter.flags(1).isEmpty && letter.checks[1] == nil, "an empty section is not checked")
        await letter.edit(section: 0, "I lied to you for months.")
        XCTAssertTrue(letter.flags(0).isEmpty)
        XCTAssertNil(letter.help)
        XCTAssertFalse(try XCTUnwrap(letter.checks[0]).nothingFound.isEmpty, "what it means that nothing was flagged")
        await letter.save()
        XCTAssertTrue(letter.saved)
        await eventually { letters.entries.count == 1 }
        let reopened = WorksheetViewModel(session: session, kind: .remorseLetter)
        await reopened.open(letters.entries.first)
        XCTAssertEqual(reopened.sections.first, "I lied to you for months.")

        let reminders = RemindersViewModel(session: session)
        let everyDay: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        await reminders.add(Reminder(purpose: .checkIn, weekdays: everyDay, hour: 21, minute: 15, enabled: true))
        XCTAssertEqual(reminders.upcoming.count, 20)
        XCTAssertEqual(reminders.upcoming.first?.text, "Time for your check-in")
        await reminders.setEnabled(try XCTUnwrap(reminders.reminders.first), false)
        XCTAssertTrue(reminders.upcoming.isEmpty)
        await reminders.delete(id: try XCTUnwrap(reminders.reminders.first?.id))
        XCTAssertTrue(reminders.reminders.isEmpty)
    }

    func testPlatformZoneFollowsDaylightSaving() async {
        let berlin = PlatformZone(TimeZone(identifier: "Europe/Berlin")!)
        XCTAssertEqual(berlin.offsetSeconds(utcMs: 1_767_225_600_000), 3600) // 2026-01-01, winter
        XCTAssertEqual(berlin.offsetSeconds(utcMs: 1_782_864_000_000), 7200) // 2026-07-01, summer
    }

    func testBiometricUnlockIsOfferedOnceOnAndEndsWithARekeyOrNewBiometry() async throws {
        let keeper = FakeBiometricKeeper()
        let session = MendSession(path: tempVaultPath(), keyStore: TableKeyStore(), biometrics: keeper)
        try await session.start()
        _ = try await session.create(role: .hurt, passcode: "passcode-1", kdf: smallKdf)
        try await session.confirmRecoveryCode()
        let settings = SettingsViewModel(session: session)
        await settings.refresh()
        XCTAssertTrue(settings.biometricAvailable)
        XCTAssertFalse(settings.biometric)
        keeper.next = .cancelled
        await settings.setBiometric(true)
        XCTAssertFalse(settings.biometric, "a cancelled check leaves it off")
        keeper.next = nil
        await settings.setBiometric(true)
        XCTAssertTrue(settings.biometric)

        await session.lock()
        let unlock = UnlockViewModel(session: session)
        await unlock.refresh()
        XCTAssertTrue(unlock.biometricReady)
        keeper.next = .cancelled
        await unlock.unlockWithBiometrics()
        XCTAssertEqual(session.state, .locked)
        keeper.next = nil
        await unlock.unlockWithBiometrics()
        XCTAssertEqual(session.state, .unlocked(role: .hurt, recoveryCodeConfirmed: true))

        _ = try await session.changePasscode(current: "passcode-1", new: "passcode-2")
        XCTAssertNil(keeper.kept, "a rekey removes it on both sides")
        let readyAfterChange = try await session.biometricUnlockReady()
        XCTAssertFalse(readyAfterChange)

        await settings.setBiometric(true)
        await session.lock()
        await unlock.refresh()
        keeper.next = .gone
        await unlock.unlockWithBiometrics()
        XCTAssertTrue(unlock.biometricSwitchedOff)
        XCTAssertFalse(unlock.biometricReady)
        await unlock.submit("passcode-2")
        if case .unlocked = session.state {} else { XCTFail("the passcode still works") }
    }

    func testRemindersToArmAreKnownWhileLockedWithTheirLocalDateAndTime() async throws {
        let session = try await newSession()
        let everyDay: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        _ = try await session.call {
            try $0.addEntry(entry: .reminder(Reminder(purpose: .checkIn, weekdays: everyDay, hour: 21, minute: 15, enabled: true)))
        }
        await session.lock()
        let armed = try await session.upcomingReminders(limit: 3)
        XCTAssertEqual(armed.count, 3)
        XCTAssertTrue(armed.allSatisfy { $0.localHour == 21 && $0.localMinute == 15 && $0.text == "Time for your check-in" })
        let none = try await MendSession(path: tempVaultPath(), keyStore: TableKeyStore()).upcomingReminders(limit: 3)
        XCTAssertTrue(none.isEmpty, "no vault, nothing to arm")
    }

    func testADeviceWithoutAPasscodeSetsOneBeforeTheVaultIsMade() async throws {
        var screenLock = false
        let session = MendSession(path: tempVaultPath(), keyStore: TableKeyStore(), hasScreenLock: { screenLock })
        try await session.start()
        let onboarding = OnboardingViewModel(session: session, kdf: smallKdf)
        onboarding.choose(role: .repairing)
        XCTAssertTrue(onboarding.needsScreenLock)
        await onboarding.choosePasscode("123456", again: "123456")
        XCTAssertEqual(session.state, .noVault)
        screenLock = true
        onboarding.checkScreenLock()
        XCTAssertFalse(onboarding.needsScreenLock)
        await onboarding.choosePasscode("123456", again: "123456")
        XCTAssertEqual(onboarding.step, .showRecoveryCode)
    }
}

/// Stands in for the device's biometric check: keeps the secret in memory, and lets a test
/// decide how the next check goes (nil passes it).
@MainActor
final class FakeBiometricKeeper: BiometricKeeper {
    private(set) var kept: Data?
    var next: BiometricOpening?

    func available() -> Bool { true }

    func keep(_ secret: Data) async -> Bool {
        if case .cancelled = next { return false }
        kept = secret
        return true
    }

    func open() async -> BiometricOpening {
        if let next { return next }
        guard let kept else { return .gone }
        return .opened(kept)
    }

    func forget() { kept = nil }
}
