// The journal: notes newest first, a page at a time; search as you type; step and tag
// filters; a note opens in the editor. Filtering, paging and stale-search handling are the
// JournalViewModel's.
import MendCore
import MendKit
import SwiftUI

struct JournalView: View {
    let session: MendSession
    @State private var model: JournalViewModel
    @State private var program: ProgramViewModel
    @State private var searchText = ""
    @State private var editing: RecordId??
    @Environment(\.words) private var words

    init(session: MendSession) {
        self.session = session
        _model = State(initialValue: JournalViewModel(session: session))
        _program = State(initialValue: ProgramViewModel(session: session))
    }

    /// The steps a note can belong to (none on the hurt partner's track).
    private var steps: [Int32] {
        program.pages.compactMap { page -> Int32? in
            guard case .step(let step) = page else { return nil }
            return step.number
        }
    }

    var body: some View {
        List {
            Section {
                if !steps.isEmpty {
                    Picker(words.allSteps, selection: Binding(get: { model.query.step }, set: { model.setStep($0) })) {
                        Text(words.allSteps).tag(Int32?.none)
                        ForEach(steps, id: \.self) { Text(words.stepLabel($0)).tag(Int32?.some($0)) }
                    }
                    .accessibilityIdentifier("step-filter")
                }
                if !model.tags.isEmpty {
                    ScrollView(.horizontal) {
                        HStack {
                            ForEach(model.tags, id: \.self) { tag in
                                let chosen = model.query.tag == tag
                                Button(tag) { model.setTag(chosen ? nil : tag) }
                                    .buttonStyle(.bordered)
                                    .tint(chosen ? .accentColor : .secondary)
                                    .accessibilityAddTraits(chosen ? .isSelected : [])
                            }
                        }
                    }
                }
            }
            Section {
                if model.notes.isEmpty && !model.loading {
                    Text(model.isFilteredEmpty ? words.nothingFound : words.noNotesYet)
                        .accessibilityIdentifier(model.isFilteredEmpty ? "nothing-found" : "no-notes")
                }
                ForEach(model.notes, id: \.id) { note in
                    Button { editing = .some(note.id) } label: {
                        VStack(alignment: .leading, spacing: 4) {
                            Text(note.title.isEmpty ? words.untitled : note.title).font(.headline)
                            if !note.tags.isEmpty {
                                Text(note.tags.joined(separator: " · ")).font(.caption).foregroundStyle(.secondary)
                            }
                        }
                    }
                    .accessibilityIdentifier("note")
                }
                if model.canLoadMore {
                    Button(words.showMore) { Task { await model.loadMore() } }.accessibilityIdentifier("more")
                }
            }
            if let problem = model.problem { ProblemText(problem: problem) }
        }
        .searchable(text: $searchText, prompt: words.searchNotes)
        .onChange(of: searchText) { _, typed in model.setWords(typed) }
        .navigationTitle(words.journal)
        .withHelp()
        .toolbar {
            ToolbarItem(placement: .primaryAction) {
                Button { editing = .some(nil) } label: { Image(systemName: "square.and.pencil") }
                    .accessibilityLabel(words.newNote)
                    .accessibilityIdentifier("new-note")
            }
        }
        .sheet(isPresented: Binding(get: { editing != nil }, set: { if !$0 { editing = nil } })) {
            NoteEditorView(session: session, id: editing ?? nil)
        }
        .task {
            await program.refresh()
            await model.refresh()
        }
    }
}

/// A note being written or changed: save, discard changes, delete after a confirmation, and
/// a question before leaving unsaved words behind.
struct NoteEditorView: View {
    let session: MendSession
    let id: RecordId?
    @State private var model: NoteEditorViewModel
    @State private var deleting = false
    @State private var leaving = false
    @State private var helping = false
    @Environment(\.words) private var words
    @Environment(\.dismiss) private var dismiss

    init(session: MendSession, id: RecordId?) {
        self.session = session
        self.id = id
        _model = State(initialValue: NoteEditorViewModel(session: session))
    }

    var body: some View {
        NavigationStack {
            Form {
                TextField(words.noteTitle, text: Binding(get: { model.draft.title }, set: { text in model.edit { $0.title = text } }))
                    .accessibilityIdentifier("title")
                TextField(words.noteBody, text: Binding(get: { model.draft.body }, set: { text in model.edit { $0.body = text } }),
                          axis: .vertical)
                    .lineLimit(8...)
                    .accessibilityIdentifier("body")
                if !model.dirty && !model.isNew { Text(words.saved).foregroundStyle(.secondary).accessibilityIdentifier("saved") }
                if let problem = model.problem { ProblemText(problem: problem) }
                // The note is saved; when its words sound dangerous, the core's help comes after.
                if let help = model.help {
                    HelpOfferView(offer: help) { helping = true }
                }
                if !model.isNew {
                    Button(words.delete, role: .destructive) { deleting = true }.accessibilityIdentifier("delete")
                }
            }
            .navigationTitle(model.isNew ? words.newNote : words.editNote)
            .withHelp()
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button(words.back) { if model.dirty { leaving = true } else { dismiss() } }
                        .accessibilityIdentifier("close")
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button(words.save) { Task { await model.save() } }
                        .disabled(!model.canSave)
                        .accessibilityIdentifier("save")
                }
            }
            .confirmationDialog(words.deleteNoteTitle, isPresented: $deleting, titleVisibility: .visible) {
                Button(words.delete, role: .destructive) {
                    Task {
                        await model.delete()
                        if model.deleted { dismiss() }
                    }
                }
                .accessibilityIdentifier("confirm-delete")
                Button(words.keep, role: .cancel) {}
            } message: { Text(words.deleteNoteText) }
            .confirmationDialog(words.unsavedTitle, isPresented: $leaving, titleVisibility: .visible) {
                Button(words.save) {
                    Task {
                        await model.save()
                        if !model.dirty { dismiss() }
                    }
                }
                .accessibilityIdentifier("save-and-leave")
                Button(words.leaveUnsaved, role: .destructive) { dismiss() }
                Button(words.cancel, role: .cancel) {}
            } message: { Text(words.unsavedText) }
        }
        .environment(\.showHelp) { helping = true }
        .sheet(isPresented: $helping) { HelpView(session: session) }
        .interactiveDismissDisabled(model.dirty)
        .task { if let id { await model.load(id: id) } }
    }
}
