// MendKit's Swift API and view models, against a real vault.
import Foundation
import MendCore
import MendKit
import MendTestSupport
import XCTest

@MainActor
final class ViewModelTests: XCTestCase {
    private func newClient() async throws -> MendClient {
        try await MendClient.create(path: tempVaultPath(), passcode: pass(), role: .repairing,
                                    keyStore: TableKeyStore(), kdf: smallKdf).client
    }

    func testClientRunsTheWholeFlowOffTheMainActor() async throws {
        let path = tempVaultPath()
        let store = TableKeyStore()
        let created = try await MendClient.create(path: path, passcode: pass(), role: .hurt, keyStore: store, kdf: smallKdf)
        XCTAssertEqual(created.recoveryCode.count, 34)
        XCTAssertTrue(MendClient.exists(path: path))
        let client = created.client
        let role = try await client.role()
        XCTAssertEqual(role, .hurt)
        let id = try await client.addNote(NoteDraft(title: "Évening", body: "We listened 🙏", step: 5, tags: ["walk"])).id
        try await client.prepareSearch()
        let found = try await client.search("évening", offset: 0, limit: 10)
        XCTAssertEqual(found.total, 1)
        await client.lock()
        do {
            _ = try await client.note(id: id)
            XCTFail("read while locked")
        } catch {
            XCTAssertEqual(Problem(error), .locked)
        }
        try await client.unlock(passcode: pass())
        let note = try await client.note(id: id)
        XCTAssertEqual(note.body, "We listened 🙏")
        let reopened = try await MendClient.open(path: path, keyStore: store)
        XCTAssertFalse(reopened.isUnlocked)
    }

    func testUnlockCountsDownThenWaits() async throws {
        let client = try await newClient()
        await client.lock()
        var now = Int64(Date().timeIntervalSince1970 * 1000)
        let model = UnlockViewModel(client: client, now: { now })
        await model.refresh()
        XCTAssertEqual(model.attemptsLeft, 5)
        XCTAssertTrue(model.canSubmit)
        for left in stride(from: 4, through: 1, by: -1) {
            await model.submit(passcode: "wrong-code")
            XCTAssertEqual(model.problem, .wrongPasscode(attemptsLeft: left))
        }
        await model.submit(passcode: "wrong-code")
        let until = try XCTUnwrap(model.waitUntilMs)
        XCTAssertEqual(model.problem, .mustWait(retryAtMs: until))
        XCTAssertFalse(model.canSubmit)
        XCTAssertTrue((30...32).contains(model.secondsToWait))
        await model.submit(passcode: "passcode-1")
        XCTAssertFalse(model.unlocked)
        now = until
        XCTAssertTrue(model.canSubmit)
    }

    func testPlatformZoneFollowsDaylightSaving() async {
        let berlin = PlatformZone(TimeZone(identifier: "Europe/Berlin")!)
        XCTAssertEqual(berlin.offsetSeconds(utcMs: 1_767_225_600_000), 3600) // 2026-01-01, winter
        XCTAssertEqual(berlin.offsetSeconds(utcMs: 1_782_864_000_000), 7200) // 2026-07-01, summer
    }

    func testTodayShowsAlternativesAndRecordsPractice() async throws {
        let client = try await newClient()
        let model = TodayViewModel(client: client, zone: PlatformZone(TimeZone(identifier: "Europe/Berlin")!))
        await model.refresh()
        let first = try XCTUnwrap(model.prompt)
        XCTAssertEqual(first.alternative, 0)
        XCTAssertTrue(model.canSettle)
        await model.another()
        let other = try XCTUnwrap(model.prompt)
        XCTAssertEqual(other.alternative, 1)
        XCTAssertNotEqual(other.prompt.id, first.prompt.id)
        await model.done(response: "We walked and I listened.")
        XCTAssertEqual(model.prompt?.outcome, .done)
        XCTAssertFalse(model.canSettle)
        XCTAssertEqual(model.daysThisWeek, 1)
        await model.refresh()
        XCTAssertEqual(model.prompt?.prompt.id, first.prompt.id)
        await model.skip()
        XCTAssertEqual(model.prompt?.outcome, .skipped)
        await client.lock()
        await model.refresh()
        XCTAssertEqual(model.problem, .locked)
    }

    func testCheckInsAreSavedForTheDayAndListed() async throws {
        let client = try await newClient()
        let model = CheckInViewModel(client: client, today: { "2026-03-29" })
        await model.refresh()
        XCTAssertFalse(model.savedToday)
        model.set(safety: 12, trust: 3, connection: -1)
        model.note = "A hard evening"
        XCTAssertEqual([model.safety, model.trust, model.connection], [10, 3, 0])
        await model.save()
        XCTAssertTrue(model.savedToday)
        XCTAssertEqual(model.note, "")
        guard case .checkIn(let date, _, _, _, let note) = try XCTUnwrap(model.recent.first).entry else {
            return XCTFail("not a check-in")
        }
        XCTAssertEqual(date, "2026-03-29")
        XCTAssertEqual(note, "A hard evening")
        XCTAssertEqual(CheckInViewModel.localToday().count, 10)
    }

    func testProgramProgressToolsAndReminders() async throws {
        let client = try await newClient()
        let zone = PlatformZone(TimeZone(identifier: "Asia/Tokyo")!)
        let program = ProgramViewModel()
        program.refresh()
        XCTAssertEqual(program.steps.count, 6)
        program.open(5)
        XCTAssertEqual(program.open?.key, "validation")

        let today = TodayViewModel(client: client, zone: zone)
        await today.refresh()
        await today.done(response: nil)
        let progress = ProgressViewModel(client: client, zone: zone)
        await progress.refresh()
        XCTAssertEqual(progress.progress?.daysPractised, 1)

        let ties = ToolViewModel(client: client, tool: .cutTies)
        await ties.add(.cutTie(item: "Leave the shared gym", done: false))
        let id = try XCTUnwrap(ties.entries.first?.id)
        await ties.edit(id: id, .cutTie(item: "Leave the shared gym", done: true))
        guard case .cutTie(_, let done) = try XCTUnwrap(ties.entries.first).entry else { return XCTFail("not a cut tie") }
        XCTAssertTrue(done)
        await ties.add(.cutTie(item: " ", done: false))
        XCTAssertEqual(ties.problem, .invalid(field: "item", reason: "must not be empty"))
        await ties.delete(id: id)
        XCTAssertTrue(ties.entries.isEmpty)

        let reminders = RemindersViewModel(client: client, zone: zone)
        await reminders.add(.reminder(purpose: .checkIn, weekdays: Data([1, 2, 3, 4, 5, 6, 7]), hour: 21, minute: 15, enabled: true))
        XCTAssertEqual(reminders.reminders.count, 1)
        XCTAssertEqual(reminders.upcoming.count, 20)
        XCTAssertEqual(reminders.upcoming.first?.text, "Time for your check-in")
        await reminders.delete(id: try XCTUnwrap(reminders.reminders.first?.id))
        XCTAssertTrue(reminders.upcoming.isEmpty)
    }

    func testUnlockWithTheRightPasscode() async throws {
        let client = try await newClient()
        await client.lock()
        let model = UnlockViewModel(client: client)
        await model.submit(passcode: "wrong-code")
        await model.submit(passcode: "passcode-1")
        XCTAssertTrue(model.unlocked)
        XCTAssertNil(model.problem)
    }

    func testOnboardingChecksThePasscodeThenShowsTheCodeOnce() async throws {
        let model = OnboardingViewModel(path: tempVaultPath(), keyStore: TableKeyStore(), kdf: smallKdf)
        XCTAssertEqual(model.step, .chooseRole)
        model.choose(role: .hurt)
        XCTAssertEqual(model.step, .choosePasscode)
        await model.choosePasscode("12345", confirmation: "12345")
        XCTAssertEqual(model.passcodeProblem, .tooShort)
        await model.choosePasscode("123456", confirmation: "123457")
        XCTAssertEqual(model.passcodeProblem, .mismatch)
        XCTAssertNil(model.client)
        await model.choosePasscode("123456", confirmation: "123456")
        XCTAssertEqual(model.step, .showRecoveryCode)
        XCTAssertEqual(model.recoveryCode?.count, 34)
        let newRole = try await XCTUnwrap(model.client).role()
        XCTAssertEqual(newRole, .hurt)
        model.recoveryCodeSaved()
        XCTAssertEqual(model.step, .done)
        XCTAssertNil(model.recoveryCode)
    }

    func testJournalPagesFiltersAndSearches() async throws {
        let client = try await newClient()
        for i in 0..<7 {
            _ = try await client.addNote(NoteDraft(title: "note \(i)", body: i % 2 == 0 ? "even day" : "odd day",
                                                  step: UInt8(1 + i % 3), tags: ["t\(i)"]))
        }
        let model = JournalViewModel(client: client, pageSize: 3)
        await model.refresh()
        XCTAssertEqual(model.rows.map(\.title), ["note 6", "note 5", "note 4"])
        XCTAssertTrue(model.canLoadMore)
        await model.loadMore()
        await model.loadMore()
        XCTAssertEqual(model.rows.count, 7)
        XCTAssertFalse(model.canLoadMore)
        await model.filter(step: 1)
        XCTAssertEqual(model.rows.map(\.title), ["note 6", "note 3", "note 0"])
        await model.filter(step: nil)
        await model.search("EVEN")
        XCTAssertEqual(model.total, 4)
        await model.filter(tag: "t4")
        XCTAssertEqual(model.rows.map(\.title), ["note 4"])
        await model.search("odd")
        XCTAssertTrue(model.isFilteredEmpty)
    }

    func testEditorAddsEditsRejectsAndDeletes() async throws {
        let client = try await newClient()
        let editor = NoteEditorViewModel(client: client)
        XCTAssertTrue(editor.isNew)
        XCTAssertFalse(editor.canSave)
        editor.title = "First"
        editor.body = "Hard evening"
        editor.step = 5
        await editor.save()
        let id = try XCTUnwrap(editor.id)
        XCTAssertTrue(editor.saved)
        editor.title = String(repeating: "x", count: 201)
        await editor.save()
        XCTAssertEqual(editor.invalidField, "title")
        XCTAssertEqual(editor.problem, .invalid(field: "title", reason: "is too long"))

        let other = NoteEditorViewModel(client: client)
        await other.load(id: id)
        XCTAssertEqual(other.body, "Hard evening")
        XCTAssertEqual(other.step, 5)
        XCTAssertFalse(other.dirty)
        other.body = "Better now"
        await other.save()
        let saved = try await client.note(id: id)
        XCTAssertEqual(saved.body, "Better now")
        await other.delete()
        XCTAssertTrue(other.deleted)
        let gone = NoteEditorViewModel(client: client)
        await gone.load(id: id)
        XCTAssertEqual(gone.problem, .notFound)
    }
}
