// The tools: the role's list from the core, each opening to its entries (newest first), a
// form to add one, and delete after a confirmation; the letter, the story and validation
// notes open as worksheets with the core's letter check in place: help for a section that
// sounds dangerous, otherwise the phrasing underlined, or what it means that nothing was
// flagged. What is saved comes with the core's help card when its words sound dangerous.
import MendCore
import MendKit
import SwiftUI

struct ToolsView: View {
    let session: MendSession
    let role: Role
    let notifications: NotificationReminders
    @Environment(\.words) private var words

    init(session: MendSession, role: Role, notifications: NotificationReminders) {
        self.session = session
        self.role = role
        self.notifications = notifications
    }

    var body: some View {
        List(toolsForRole(role: role), id: \.self) { kind in
            NavigationLink {
                switch kind {
                case .reminders: RemindersView(session: session, notifications: notifications)
                default: ToolView(session: session, kind: kind)
                }
            } label: {
                VStack(alignment: .leading, spacing: 4) {
                    Text(words.toolName(kind)).font(.headline)
                    Text(words.toolIntro(kind)).font(.subheadline).foregroundStyle(.secondary)
                }
            }
            .accessibilityIdentifier("tool-\(kind)")
        }
        .navigationTitle(words.tools)
        .withHelp()
    }
}

/// One tool's entries and its form.
struct ToolView: View {
    let session: MendSession
    let kind: ToolKind
    @State private var model: ToolViewModel
    @State private var deleting: ToolRecord?
    @State private var answering: ToolRecord?
    @State private var answer = ""
    @Environment(\.words) private var words

    init(session: MendSession, kind: ToolKind) {
        self.session = session
        self.kind = kind
        _model = State(initialValue: ToolViewModel(session: session, tool: kind))
    }

    private var worksheet: WorksheetKind? {
        switch kind {
        case .remorseLetters: .remorseLetter
        case .stories: .story
        case .validationNotes: .validationNote
        default: nil
        }
    }

    var body: some View {
        Form {
            Section { Text(words.toolIntro(kind)) }
            Section {
                if let worksheet {
                    NavigationLink(words.writeNew) { WorksheetView(session: session, kind: worksheet, existing: nil) }
                        .accessibilityIdentifier("write")
                } else {
                    EntryForm(kind: kind) { entry in Task { await model.add(entry) } }
                }
            }
            // What was just saved is kept first; help comes after, when its words sound dangerous.
            if let help = model.help {
                Section { HelpOfferView(offer: help) }
            }
            Section {
                ForEach(model.entries, id: \.id) { record in
                    row(record)
                        .swipeActions {
                            Button(words.delete, role: .destructive) { deleting = record }
                        }
                        .accessibilityIdentifier("entry")
                }
            }
            if let problem = model.problem { ProblemText(problem: problem) }
        }
        .navigationTitle(words.toolName(kind))
        .withHelp()
        .task { await model.refresh() }
        .confirmationDialog(words.deleteEntryTitle, isPresented: Binding(get: { deleting != nil }, set: { if !$0 { deleting = nil } }),
                            titleVisibility: .visible) {
            Button(words.delete, role: .destructive) {
                if let id = deleting?.id { Task { await model.delete(id: id) } }
                deleting = nil
            }
            .accessibilityIdentifier("confirm-delete")
            Button(words.keep, role: .cancel) { deleting = nil }
        } message: { Text(words.deleteEntryText) }
        .alert(words.theAnswer, isPresented: Binding(get: { answering != nil }, set: { if !$0 { answering = nil } })) {
            TextField(words.theAnswer, text: $answer).accessibilityIdentifier("answer")
            Button(words.save) {
                if let record = answering, case .question(var question) = record.entry {
                    question.answer = answer
                    question.status = .answered
                    Task { await model.edit(id: record.id, .question(question)) }
                }
                answering = nil
            }
            .accessibilityIdentifier("save-answer")
            Button(words.cancel, role: .cancel) { answering = nil }
        }
    }

    @ViewBuilder private func row(_ record: ToolRecord) -> some View {
        switch record.entry {
        case .question(let question):
            // Tapped to write down the answer given.
            Button(words.summary(record.entry)) {
                answer = question.answer
                answering = record
            }
        case .cutTie(let tie):
            // Ticked off in place.
            Toggle(tie.item, isOn: Binding(get: { tie.done }, set: { done in
                var changed = tie
                changed.done = done
                Task { await model.edit(id: record.id, .cutTie(changed)) }
            }))
        case .worksheet:
            NavigationLink(words.summary(record.entry)) {
                WorksheetView(session: session, kind: worksheet ?? .remorseLetter, existing: record)
            }
        default:
            Text(words.summary(record.entry))
        }
    }
}

/// The form that adds an entry of one tool. The core checks what is typed; a refusal is said
/// by the tool's page.
private struct EntryForm: View {
    let kind: ToolKind
    let add: (ToolEntry) -> Void
    @State private var text = ""
    @State private var detail = ""
    @State private var extra = ""
    @State private var intensity: Int32 = 5
    @State private var flag = false
    @State private var askedByPartner = true
    @State private var meaning = false
    @Environment(\.words) private var words

    init(kind: ToolKind, add: @escaping (ToolEntry) -> Void) {
        self.kind = kind
        self.add = add
    }

    var body: some View {
        switch kind {
        case .triggers:
            TextField(words.triggerWhat, text: $text).accessibilityIdentifier("trigger-what")
            Stepper(words.triggerIntensity(intensity), value: $intensity, in: 0...Int32(limits().maxScore))
            TextField(words.triggerHelped, text: $detail).accessibilityIdentifier("trigger-helped")
            button(words.logIt, "add-trigger") {
                .trigger(Trigger(at: .now, what: text, intensity: intensity, helped: detail))
            }
        case .questions:
            TextField(words.questionText, text: $text, axis: .vertical).accessibilityIdentifier("question-text")
            Picker(words.questionText, selection: $askedByPartner) {
                Text(words.askedByPartner).tag(true)
                Text(words.askedByMe).tag(false)
            }
            Picker(words.questionText, selection: $meaning) {
                Text(words.factQuestion).tag(false)
                Text(words.meaningQuestion).tag(true)
            }
            button(words.addQuestion, "add-question") {
                .question(Question(text: text, askedBy: askedByPartner ? .partner : .me, kind: meaning ? .meaning : .fact,
                                   answer: "", status: .open))
            }
        case .contacts:
            TextField(words.contactChannel, text: $text).accessibilityIdentifier("contact-channel")
            TextField(words.contactWhat, text: $detail, axis: .vertical)
            TextField(words.contactHandled, text: $extra, axis: .vertical)
            Toggle(words.contactTold, isOn: $flag).accessibilityIdentifier("contact-told")
            button(words.logIt, "add-contact") {
                .contact(Contact(at: .now, channel: text, whatHappened: detail, howHandled: extra, disclosedAt: flag ? .now : nil))
            }
        case .cutTies:
            TextField(words.cutTieItem, text: $text).accessibilityIdentifier("cut-tie-item")
            button(words.addToList, "add-cut-tie") { .cutTie(CutTie(item: text, done: false)) }
        case .boundaries:
            Picker(words.boundaryText, selection: $flag) {
                Text(words.aNeed).tag(true)
                Text(words.aBoundary).tag(false)
            }
            TextField(words.boundaryText, text: $text, axis: .vertical).accessibilityIdentifier("boundary-text")
            button(words.addToList, "add-boundary") { .boundary(Boundary(isNeed: flag, text: text, agreed: false)) }
        case .timeTogether:
            TextField(words.timePlan, text: $text, axis: .vertical).accessibilityIdentifier("time-plan")
            Toggle(words.timeAsked, isOn: $flag)
            button(words.addToList, "add-time") {
                .timeTogether(TimeTogether(at: .now, plan: text, asked: flag, answer: .pending, respected: false))
            }
        default:
            EmptyView()
        }
    }

    private func button(_ title: String, _ identifier: String, entry: @escaping () -> ToolEntry) -> some View {
        Button(title) {
            add(entry())
            text = ""
            detail = ""
            extra = ""
            flag = false
        }
        .accessibilityIdentifier(identifier)
    }
}

/// A worksheet (the remorse letter, the story, a validation note): its sections, each with the
/// core's check beneath it — help when its words sound dangerous, otherwise the phrases it
/// flags underlined in place and explained, or what it means that nothing was flagged.
struct WorksheetView: View {
    let existing: ToolRecord?
    @State private var model: WorksheetViewModel
    @Environment(\.words) private var words
    @Environment(\.showHelp) private var showHelp

    init(session: MendSession, kind: WorksheetKind, existing: ToolRecord?) {
        self.existing = existing
        _model = State(initialValue: WorksheetViewModel(session: session, kind: kind))
    }

    var body: some View {
        Form {
            if let info = model.info {
                ForEach(Array(info.sections.enumerated()), id: \.offset) { index, prompt in
                    Section(prompt) {
                        TextField(prompt, text: Binding(
                            get: { index < model.sections.count ? model.sections[index] : "" },
                            set: { text in Task { await model.edit(section: index, text) } }
                        ), axis: .vertical)
                        .lineLimit(4...)
                        .accessibilityIdentifier("section-\(index)")
                        let check = index < model.checks.count ? model.checks[index] : nil
                        let flags = model.flags(index)
                        // Danger is answered with help, never with writing tips; the worksheet is
                        // kept before help opens, so nothing written is lost on the way.
                        if let help = check?.help {
                            HelpOfferView(offer: help) {
                                Task {
                                    await model.save()
                                    showHelp()
                                }
                            }
                        }
                        if !flags.isEmpty {
                            Text(underlined(model.sections[index], flags))
                                .accessibilityIdentifier("flag")
                            ForEach(Array(flags.enumerated()), id: \.offset) { _, flag in
                                VStack(alignment: .leading, spacing: 2) {
                                    Text(words.flagged(flag)).font(.callout)
                                    Text(flag.suggestion).font(.footnote).foregroundStyle(.secondary)
                                }
                            }
                        }
                        if let nothingFound = check?.nothingFound, !nothingFound.isEmpty {
                            Text(nothingFound).font(.footnote).foregroundStyle(.secondary).accessibilityIdentifier("nothing-found")
                        }
                    }
                }
            }
            if model.saved { Text(words.saved).foregroundStyle(.secondary).accessibilityIdentifier("saved") }
            if model.saved, let help = model.savedHelp {
                Section { HelpOfferView(offer: help) }
            }
            if let problem = model.problem { ProblemText(problem: problem) }
        }
        .navigationTitle(model.info?.title ?? "")
        .withHelp()
        .toolbar {
            ToolbarItem(placement: .confirmationAction) {
                Button(words.save) { Task { await model.save() } }
                    .disabled(model.busy)
                    .accessibilityIdentifier("save")
            }
        }
        .task { await model.open(existing) }
    }

    /// The text with each flagged phrase underlined; the core counts in Unicode scalars.
    private func underlined(_ text: String, _ flags: [PhrasingFlag]) -> AttributedString {
        var shown = AttributedString(text)
        let scalars = text.unicodeScalars
        for flag in flags {
            guard let from = scalars.index(scalars.startIndex, offsetBy: Int(flag.start), limitedBy: scalars.endIndex),
                  let to = scalars.index(scalars.startIndex, offsetBy: Int(flag.end), limitedBy: scalars.endIndex),
                  let range = Range(from..<to, in: shown) else { continue }
            shown[range].underlineStyle = .single
            shown[range].foregroundColor = .orange
        }
        return shown
    }
}
