// Help, one tap away from every screen, locked or not: what to do in a crisis, then emergency
// numbers and crisis and abuse lines (the device's region first, each with the day it was
// last checked), signs it is time to get help, finding a therapist, and the cautions about
// transparency and control. The words of help are the core's.
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
                        ForEach(places(help.resources), id: \.self) { place in
                            let here = help.resources.filter { $0.place == place }
                            // The day the details were checked, once when it is the same for all.
                            let checked = Set(here.map(\.checked)).count == 1 ? here.first?.checked : nil
                            Text(place).font(.title3).foregroundStyle(.tint).accessibilityAddTraits(.isHeader)
                            if let checked { Text(words.resourceChecked(checked)).font(.caption).foregroundStyle(.secondary) }
                            ForEach(here, id: \.name) { resource in
                                VStack(alignment: .leading, spacing: 2) {
                                    Text(resource.name).bold()
                                    Text(resource.contact)
                                    if checked == nil {
                                        Text(words.resourceChecked(resource.checked)).font(.caption).foregroundStyle(.secondary)
                                    }
                                }
                                .accessibilityElement(children: .combine)
                                .accessibilityIdentifier("resource-\(resource.country)")
                            }
                        }
                        Text(help.localNote).font(.callout)
                        Text(help.redFlagsTitle).font(.headline).accessibilityAddTraits(.isHeader)
                        ForEach([Role?.none, .hurt, .repairing], id: \.self) { role in
                            let flags = help.redFlags.filter { $0.role == role }
                            if !flags.isEmpty {
                                Text(words.redFlagsFor(role)).font(.subheadline.bold())
                                ForEach(flags, id: \.text) { Text("• " + $0.text) }
                            }
                        }
                        Text(help.therapist)
                        Text(help.transparency).accessibilityIdentifier("transparency")
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

    /// The places the resources are for, in the order the core gives them.
    private func places(_ resources: [HelpResource]) -> [String] {
        var seen: [String] = []
        for r in resources where !seen.contains(r.place) { seen.append(r.place) }
        return seen
    }
}
