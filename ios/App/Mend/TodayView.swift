// Today: the day's prompt from the core, done with an optional response, "not today", or
// another one while more are left; what happened to it is said in place, with the core's help
// card after a response whose words sound dangerous.
import MendCore
import MendKit
import SwiftUI

struct TodayView: View {
    @State private var model: TodayViewModel
    @State private var response = ""
    @Environment(\.words) private var words
    @Environment(\.showHelp) private var showHelp

    init(session: MendSession) {
        _model = State(initialValue: TodayViewModel(session: session))
    }

    var body: some View {
        Page(title: words.today) {
            if let today = model.prompt {
                // A transparency practice comes with the caution: offered, never demanded.
                if let caution = today.caution {
                    VStack(alignment: .leading, spacing: 8) {
                        Text(caution).font(.callout)
                        Button(words.help, action: showHelp).accessibilityIdentifier("caution-help")
                    }
                    .padding()
                    .frame(maxWidth: .infinity, alignment: .leading)
                    .background(.orange.opacity(0.12), in: RoundedRectangle(cornerRadius: 12))
                    .accessibilityIdentifier("caution")
                }
                VStack(alignment: .leading, spacing: 8) {
                    Text(today.prompt.text).font(.title3).accessibilityIdentifier("prompt")
                    if let followUp = today.prompt.followUp { Text(followUp).foregroundStyle(.secondary) }
                    Text(words.promptMeta(today.prompt.kind, today.prompt.minutes)).font(.footnote).foregroundStyle(.secondary)
                }
                .padding()
                .frame(maxWidth: .infinity, alignment: .leading)
                .background(.quaternary, in: RoundedRectangle(cornerRadius: 12))
                switch today.outcome {
                case .done:
                    Text(words.doneToday).accessibilityIdentifier("outcome")
                    // The response is saved first; help comes after, when its words sound dangerous.
                    if let help = model.help { HelpOfferView(offer: help) }
                case .skipped:
                    Text(words.skippedToday).accessibilityIdentifier("outcome")
                case .shown:
                    TextField(words.yourResponse, text: $response, axis: .vertical)
                        .lineLimit(3...8)
                        .padding(12)
                        .overlay(RoundedRectangle(cornerRadius: 8).stroke(.secondary))
                        .accessibilityIdentifier("response")
                    PrimaryButton(title: words.done, identifier: "done", enabled: model.canSettle) {
                        let said = response
                        response = ""
                        Task { await model.done(response: said.isEmpty ? nil : said) }
                    }
                    SecondaryButton(title: words.skip, identifier: "skip", enabled: model.canSettle) {
                        Task { await model.skip() }
                    }
                    if model.canAskAnother {
                        SecondaryButton(title: words.another, identifier: "another") { Task { await model.another() } }
                    }
                }
            }
            ProblemText(problem: model.problem)
        }
        .task { await model.refresh() }
    }
}
