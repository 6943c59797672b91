// A summary for a session with a therapist: the period (offered by the core), the sections,
// the notes and letters chosen one by one, the core's preview, then the print sheet (print or
// PDF), or a printable page or Markdown handed to the file exporter. Everything decided here
// is SummaryViewModel's.
import MendCore
import MendKit
import SwiftUI

/// The summary screen, from settings.
struct SummaryView: View {
    @State private var model: SummaryViewModel
    @Environment(\.words) private var words

    init(session: MendSession, files: SharedFiles) {
        _model = State(initialValue: SummaryViewModel(session: session, files: files))
    }

    var body: some View {
        Page(title: words.summaryTitle) {
            Text(words.summaryText)
            if !model.periods.isEmpty {
                Picker(words.summaryPeriodLabel, selection: $model.period) {
                    ForEach(model.periods, id: \.weeks) { period in
                        Text(words.summaryPeriod(period.weeks)).tag(Optional(period))
                    }
                }
                .pickerStyle(.inline)
                .accessibilityIdentifier("period")
            }
            Toggle(words.summaryPractice, isOn: $model.practice).accessibilityIdentifier("pick-practice")
            Toggle(words.summaryCheckIns, isOn: $model.checkIns).accessibilityIdentifier("pick-check-ins")
            Toggle(words.summaryQuestions, isOn: $model.answeredQuestions).accessibilityIdentifier("pick-questions")
            if !model.notes.isEmpty {
                Text(words.summaryNotes).font(.headline)
                ForEach(model.notes, id: \.id) { note in
                    Toggle(note.title, isOn: chosen(note.id, in: \.chosenNotes)).accessibilityIdentifier("pick-note")
                }
            }
            if !model.letters.isEmpty {
                Text(words.summaryLetters).font(.headline)
                ForEach(model.letters, id: \.id) { letter in
                    Toggle(label(letter), isOn: chosen(letter.id, in: \.chosenLetters)).accessibilityIdentifier("pick-letter")
                }
            }
            ProblemText(problem: model.problem)
            SecondaryButton(title: words.summaryPreview, identifier: "preview", enabled: !model.busy) {
                Task { await model.makePreview() }
            }
            if let preview = model.preview { SummaryPreview(summary: preview) }
            if model.done {
                Text(model.deliveredTo.map(words.summaryDeliveredTo) ?? words.summaryNotDelivered)
                    .font(.headline)
                    .accessibilityIdentifier("summary-done")
            }
            if model.busy { ProgressView().accessibilityIdentifier("progress") }
            if model.canPrint {
                PrimaryButton(title: words.summaryPrint, identifier: "summary-print", enabled: !model.busy) {
                    Task { await model.sendToPrinter() }
                }
                SecondaryButton(title: words.summaryHtml, identifier: "summary-html", enabled: !model.busy) {
                    Task { await model.write(.html) }
                }
            } else {
                PrimaryButton(title: words.summaryHtml, identifier: "summary-html", enabled: !model.busy) {
                    Task { await model.write(.html) }
                }
            }
            SecondaryButton(title: words.summaryMarkdown, identifier: "summary-markdown", enabled: !model.busy) {
                Task { await model.write(.markdown) }
            }
        }
        .task { await model.refresh() }
    }

    /// A binding that puts `id` into the model's set at `set`, or takes it out.
    private func chosen(_ id: RecordId, in set: ReferenceWritableKeyPath<SummaryViewModel, Set<RecordId>>) -> Binding<Bool> {
        Binding(
            get: { model[keyPath: set].contains(id) },
            set: { on in
                if on { model[keyPath: set].insert(id) } else { model[keyPath: set].remove(id) }
            }
        )
    }

    /// A letter or worksheet as the person will know it: its tool and its first words.
    private func label(_ record: ToolRecord) -> String {
        guard case .worksheet(let sheet) = record.entry else { return words.summary(record.entry) }
        let tool: ToolKind = switch sheet.kind {
        case .remorseLetter: .remorseLetters
        case .story: .stories
        case .validationNote: .validationNotes
        }
        return words.toolName(tool) + ": " + String(words.summary(record.entry).prefix(40))
    }
}

/// What the summary will hold, headings only, before it is written.
private struct SummaryPreview: View {
    let summary: Summary

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(summary.title).font(.headline)
            Text(summary.period).font(.subheadline)
            ForEach(Array(summary.sections.enumerated()), id: \.offset) { _, section in
                Text(section.heading).font(.subheadline.bold()).padding(.top, 8)
                ForEach(Array(section.items.enumerated()), id: \.offset) { _, item in
                    Text("• " + item.heading).font(.body)
                }
            }
        }
        .padding()
        .frame(maxWidth: .infinity, alignment: .leading)
        .background(.background.secondary, in: RoundedRectangle(cornerRadius: 12))
        .accessibilityElement(children: .combine)
        .accessibilityIdentifier("summary-preview")
    }
}
