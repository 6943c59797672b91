// Help offered where a person writes: every write of free text is saved first and comes back
// with the core's help offer when its words sound dangerous (or check-ins are low), which the
// view models keep for the screens' card; the help page's lines for where the device is; the
// program's content installed from the files the app carries; and nothing a person writes
// reaches a log on the way.
import Foundation
import MendCore
import MendKit
import MendTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@MainActor
final class HelpOfferTests: XCTestCase {
    private func newSession(role: Role = .hurt, place: DevicePlace = DevicePlace(locale: "en_GB", timeZone: "Europe/London"),
                            core: CoreQueue = CoreQueue()) async throws -> MendSession {
        let session = MendSession(path: tempVaultPath(), keyStore: TableKeyStore(),
                                  zone: { TestZone(TimeZone(identifier: "Europe/London")!) }, core: core, place: { place })
        try await session.start()
        _ = try await session.create(role: role, passcode: "passcode-1", kdf: smallKdf)
        try await session.confirmRecoveryCode()
        return session
    }

    func testACheckInWithSafetyOneIsSavedAndBringsTheOfferOfHelp() async throws {
        let session = try await newSession()
        let model = CheckInViewModel(session: session)
        await model.refresh()
        model.safety = 1
        model.trust = 5
        model.connection = 5
        await model.save()
        XCTAssertNil(model.problem)
        XCTAssertTrue(model.checkedInToday, "saved first")
        guard case .checkIn(let saved)? = model.today?.entry else { return XCTFail("not a check-in") }
        XCTAssertEqual(saved.safety, 1)
        let offer = try XCTUnwrap(model.help, "low safety brings help")
        XCTAssertEqual(offer.checkIns, .lowSafety)
        XCTAssertFalse(offer.lines.isEmpty)
        XCTAssertTrue(offer.lines.allSatisfy { $0.country == "GB" || $0.country == "ALL" }, "the lines of where the device is")
        await session.lock()
        XCTAssertNil(model.help, "nothing of it outlives the lock")
    }

    func testAWorksheetSectionWithAThreatShowsHelpAndNoWritingTips() async throws {
        let session = try await newSession(role: .repairing)
        let letter = WorksheetViewModel(session: session, kind: .story)
        await letter.open()
        await letter.edit(section: 0, "I'll make your life hell if you see a lawyer")
        let check = try XCTUnwrap(letter.checks[0])
        let offer = try XCTUnwrap(check.help, "a threat gets help")
        XCTAssertTrue(offer.danger.contains(.threatOrControl), "\(offer.danger)")
        XCTAssertTrue(letter.flags(0).isEmpty, "never writing tips beside it")
        XCTAssertEqual(check.nothingFound, "")
        XCTAssertEqual(letter.help, offer, "the section's help is the worksheet's to offer")
        await letter.save()
        XCTAssertTrue(letter.saved, "saved first, whatever it says")
        XCTAssertNotNil(letter.savedHelp, "saving brings the offer too")
        await letter.edit(section: 0, "I lied to you for months, and I hid it.")
        XCTAssertNil(letter.checks[0]?.help)
        XCTAssertFalse(try XCTUnwrap(letter.checks[0]).nothingFound.isEmpty)
        XCTAssertEqual(letter.help, letter.savedHelp, "the help offered when it was saved stays until saved again")
        await letter.save()
        XCTAssertNil(letter.savedHelp)
        XCTAssertNil(letter.help)
    }

    func testTodaysResponseAndAToolEntryBringTheOfferAfterSaving() async throws {
        let session = try await newSession()
        let today = TodayViewModel(session: session)
        await today.refresh()
        await today.done(response: "I keep thinking about the pills in the cabinet")
        XCTAssertEqual(today.prompt?.outcome, .done, "the response is saved first")
        XCTAssertEqual(today.help?.danger, [.selfHarm])
        await session.lock()
        XCTAssertNil(today.help)
        try await session.unlock(passcode: "passcode-1")

        let triggers = ToolViewModel(session: session, tool: .triggers)
        await triggers.add(.trigger(Trigger(at: Date(), what: "He said he'd take the kids if I go to a lawyer", intensity: 9, helped: "")))
        XCTAssertEqual(triggers.entries.count, 1, "the entry is saved first")
        XCTAssertTrue(try XCTUnwrap(triggers.help).danger.contains(.threatOrControl))
        // The core announces the change; the reload it brings lands after the add's own.
        try await Task.sleep(nanoseconds: 100_000_000)
        XCTAssertNotNil(triggers.help, "the reload the change brings keeps the card")
        await triggers.refresh()
        XCTAssertNotNil(triggers.help, "reloading the list keeps the card")
        await triggers.add(.trigger(Trigger(at: Date(), what: "A song on the radio", intensity: 4, helped: "A walk")))
        XCTAssertNil(triggers.help, "an ordinary entry brings no offer")
        await triggers.delete(id: try XCTUnwrap(triggers.entries.first?.id))
        XCTAssertNil(triggers.help)
    }

    func testHelpOpensOnTheLinesOfWhereTheDeviceIs() async throws {
        let session = MendSession(path: tempVaultPath(), keyStore: TableKeyStore(),
                                  place: { DevicePlace(locale: "en_US", timeZone: "Australia/Sydney") })
        try await session.start()
        let help = HelpViewModel(session: session)
        await help.refresh()
        XCTAssertEqual(help.region, "AU", "the time zone's country before the locale's")
        XCTAssertFalse(help.linesHere.isEmpty)
        XCTAssertTrue(help.linesHere.allSatisfy { $0.country == "AU" })
        XCTAssertTrue(help.linesHere.contains { $0.kind == .crisis && $0.callURL != nil })
        XCTAssertFalse(help.linesElsewhere.contains { $0.country == "AU" })
        XCTAssertEqual(help.linesHere.count + help.linesElsewhere.count, help.help?.resources.count)
        let page = try XCTUnwrap(help.help)
        XCTAssertFalse(page.getHelpNow.isEmpty || page.localNoteOffline.isEmpty || page.searchedTitle.isEmpty)
        XCTAssertFalse(page.searched.isEmpty)
    }

    func testAHelpLineIsCalledAndTextedThroughTheDiallerAndMessages() async throws {
        let lines = try helpResources(region: "GB").resources
        let samaritans = try XCTUnwrap(lines.first { $0.call == "116123" })
        XCTAssertEqual(samaritans.callURL?.absoluteString, "tel:116123")
        XCTAssertNil(samaritans.textURL, "it takes no texts")
        let shout = try XCTUnwrap(lines.first { $0.text == "85258" })
        XCTAssertNil(shout.callURL, "it takes no calls")
        XCTAssertEqual(shout.textURL?.absoluteString, "sms:85258&body=SHOUT")
        let line = HelpResource(country: "XX", place: "X", kind: .crisis, name: "n", contact: "c", call: "+44 20 7946#1",
                                text: "", textBody: "", source: "s", checked: "2026-12-07")
        XCTAssertEqual(line.callURL?.absoluteString, "tel:+44207946%231")
    }

    func testTheProgramsContentIsInstalledEnglishFirstAndABadFileIsRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mend-content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["pt.mendcontent", "de.mendcontent", "en.mendcontent", "notes.txt"] {
            try Data("not content".utf8).write(to: folder.appendingPathComponent(name))
        }
        XCTAssertEqual(ProgramContent.files(inFolder: folder).map(\.lastPathComponent), ["en.mendcontent", "de.mendcontent", "pt.mendcontent"],
                       "English first")
        // A bundle's resources likewise (the app's, where Xcode copies them).
        let bundle = try XCTUnwrap(Bundle(path: folder.path))
        XCTAssertEqual(ProgramContent.files(in: bundle).map(\.lastPathComponent), ["en.mendcontent", "de.mendcontent", "pt.mendcontent"])
        let before = try programSteps().map(\.title)
        XCTAssertThrowsError(try ProgramContent.install(ProgramContent.files(inFolder: folder)), "a file that does not decode is refused")
        XCTAssertEqual(try programSteps().map(\.title), before, "and changes nothing")
        XCTAssertEqual(try ProgramContent.install([]), [])
    }

    func testTheContentFilesWrittenForTheAppInstallWhereTheyWereWritten() async throws {
        // ios/build-xcframework.sh writes them on a Mac; on Linux they are usually absent.
        let before = try programSteps().map(\.title)
        let written = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../App/Mend/Content").standardizedFileURL
        let files = ProgramContent.files(inFolder: written)
        try XCTSkipIf(files.isEmpty, "no content files in ios/App/Mend/Content (ios/build-xcframework.sh writes them)")
        XCTAssertEqual(files.first?.lastPathComponent, "en.mendcontent")
        XCTAssertEqual(try ProgramContent.install(files).first, "en")
        XCTAssertEqual(try programSteps().map(\.title), before, "the same content as the library's own")
        XCTAssertEqual(ScreenWords(languageTag: "en")["unlock"], "Unlock")
    }

    func testNothingAPersonWritesReachesALog() async throws {
        let secret = "I keep thinking about the pills in the cabinet"
        let queue = CoreQueue()
        var problems: [String] = []
        let output = try await capturingOutput {
            // The capture sees what reaches standard error (so the test can fail).
            FileHandle.standardError.write(Data("capture-check\n".utf8))
            let session = try await newSession(core: queue)
            let editor = NoteEditorViewModel(session: session)
            editor.edit { $0.title = secret; $0.body = secret }
            await editor.save()
            editor.edit { $0.title = String(repeating: secret, count: 10) }
            await editor.save() // refused: too long
            problems.append(String(describing: editor.problem))
            let letter = WorksheetViewModel(session: session, kind: .remorseLetter)
            await letter.open()
            await letter.edit(section: 0, secret)
            await letter.save()
            let checkIn = CheckInViewModel(session: session)
            checkIn.safety = 1
            checkIn.note = secret
            await checkIn.save()
            let today = TodayViewModel(session: session)
            await today.refresh()
            await today.done(response: secret)
            let triggers = ToolViewModel(session: session, tool: .triggers)
            await triggers.add(.trigger(Trigger(at: Date(), what: secret, intensity: 11, helped: secret))) // refused: out of range
            problems.append(String(describing: triggers.problem))
            await triggers.add(.trigger(Trigger(at: Date(), what: secret, intensity: 5, helped: secret)))
            let journal = JournalViewModel(session: session)
            journal.setWords(secret)
            await journal.settled()
            XCTAssertEqual(journal.total, 1)
            await session.lock()
        }
        XCTAssertTrue(output.contains("capture-check"), "the capture works")
        for text in [output] + problems {
            XCTAssertFalse(text.contains("pills"), "what the person wrote reached a log: \(text)")
        }
        XCTAssertEqual(problems.filter { $0 == "nil" }, [], "both writes were refused, in fixed words")
    }

    /// Runs `body` with standard output and standard error going to a file; returns what was
    /// written there, from this process, the core's threads and the library alike.
    private func capturingOutput(_ body: () async throws -> Void) async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mend-log-\(UUID().uuidString)").path
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(file, 0)
        fflush(nil)
        let (out, err) = (dup(1), dup(2))
        dup2(file, 1)
        dup2(file, 2)
        var failure: Error?
        do { try await body() } catch { failure = error }
        fflush(nil)
        dup2(out, 1)
        dup2(err, 2)
        for fd in [out, err, file] { close(fd) }
        if let failure { throw failure }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
