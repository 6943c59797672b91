// Help, one tap away from every screen, locked or not. It opens at its top on what to do now:
// the lines of the person's place (the region the core chose) with Call and Text links, what
// to do in a crisis, and that Mend works offline. Then signs it is time to get help, the
// cautions about control and transparency, reaching help when a phone may be checked, finding
// a therapist, and every other place's lines (each with the day it was last checked). The
// words of help are the core's.
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
                        getHelpNow(help)
                        Text(help.intro).accessibilityIdentifier("help-intro")
                        Text(help.redFlagsTitle).font(.headline).accessibilityAddTraits(.isHeader).accessibilityIdentifier("red-flags")
                        ForEach([Role?.none, .hurt, .repairing], id: \.self) { role in
                            let flags = help.redFlags.filter { $0.role == role }
                            if !flags.isEmpty {
                                Text(words.redFlagsFor(role)).font(.subheadline.bold())
                                ForEach(flags, id: \.text) { Text("• " + $0.text) }
                            }
                        }
                        Text(help.coercion)
                        Text(help.transparency).accessibilityIdentifier("transparency")
                        Text(help.searchedTitle).font(.headline).accessibilityAddTraits(.isHeader).accessibilityIdentifier("searched")
                        ForEach(Array(help.searched.enumerated()), id: \.offset) { _, advice in Text("• " + advice) }
                        Text(help.therapist)
                        Text(help.localNote).font(.callout)
                        otherPlaces(model.linesElsewhere)
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
                ToolbarItem(placement: .topBarTrailing) { QuickExitButton() }
            }
        }
        .task { await model.refresh() }
    }

    /// The block the page opens on: the lines to reach now, for the person's place.
    private func getHelpNow(_ help: Help) -> some View {
        VStack(alignment: .leading, spacing: 12) {
            Text(help.getHelpNow).font(.title2.bold()).accessibilityAddTraits(.isHeader)
            Text(help.crisis)
            ForEach(Array(model.linesHere.enumerated()), id: \.offset) { _, line in
                HelpLineView(line: line)
            }
            Text(help.localNoteOffline).font(.footnote)
        }
        .padding()
        .frame(maxWidth: .infinity, alignment: .leading)
        .background(.red.opacity(0.1), in: RoundedRectangle(cornerRadius: 12))
        .accessibilityElement(children: .contain)
        .accessibilityIdentifier("get-help-now")
    }

    /// Every other place's lines under its name; the day they were checked is said once when
    /// it is the same for all of a place's.
    @ViewBuilder private func otherPlaces(_ resources: [HelpResource]) -> some View {
        ForEach(places(resources), id: \.self) { place in
            let here = resources.filter { $0.place == place }
            let checked = Set(here.map(\.checked)).count == 1 ? here.first?.checked : nil
            Text(place).font(.title3).foregroundStyle(.tint).accessibilityAddTraits(.isHeader)
            if let checked { Text(words.resourceChecked(checked)).font(.caption).foregroundStyle(.secondary) }
            ForEach(Array(here.enumerated()), id: \.offset) { _, resource in
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
    }

    /// The places the resources are for, in the order the core gives them.
    private func places(_ resources: [HelpResource]) -> [String] {
        var seen: [String] = []
        for r in resources where !seen.contains(r.place) { seen.append(r.place) }
        return seen
    }
}
