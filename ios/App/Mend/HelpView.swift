// Help, one tap away from every screen, locked or not: crisis lines first, then finding a
// therapist and what to do when someone is controlling. The words are the core's.
import MendCore
import MendKit
import SwiftUI

struct HelpView: View {
    @State private var model: HelpViewModel
    @Environment(\.words) private var words
    @Environment(\.dismiss) private var dismiss

    init(session: MendSession) {
        _model = State(initialValue: HelpViewModel(session: session))
    }

    var body: some View {
        NavigationStack {
            ScrollView {
                VStack(alignment: .leading, spacing: 16) {
                    if let help = model.help {
                        Text(help.intro).accessibilityIdentifier("help-intro")
                        Text(help.crisis)
                            .padding()
                            .background(.red.opacity(0.1), in: RoundedRectangle(cornerRadius: 12))
                        Text(words.crisisLines).font(.headline)
                        ForEach(help.crisisLines, id: \.self) { Text($0) }
                        Text(help.localNote).font(.callout)
                        Text(help.therapist)
                        Text(help.coercion)
                    }
                    ProblemText(problem: model.problem)
                }
                .padding()
            }
            .navigationTitle(words.helpTitle)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button(words.back) { dismiss() }.accessibilityIdentifier("help-back")
                }
            }
        }
        .task { await model.refresh() }
    }
}
