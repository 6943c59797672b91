// Progress: today's check-in (three sliders, the range is the core's; the core's help card
// after one that brings it), practice per step or theme so far, check-in averages week by
// week (Swift Charts), and milestones reached. The numbers are the core's; the view draws
// them.
import Charts
import MendCore
import MendKit
import SwiftUI

struct ProgressPage: View {
    @State private var checkIn: CheckInViewModel
    @State private var model: ProgressViewModel
    @State private var program: ProgramViewModel
    @Environment(\.words) private var words

    init(session: MendSession) {
        _checkIn = State(initialValue: CheckInViewModel(session: session))
        _model = State(initialValue: ProgressViewModel(session: session))
        _program = State(initialValue: ProgramViewModel(session: session))
    }

    var body: some View {
        Page(title: words.progress) {
            CheckInCard(model: checkIn)
            // Low safety, the same low score twice in a week, or a note that sounds dangerous.
            if let help = checkIn.help { HelpOfferView(offer: help) }
            if let progress = model.progress {
                Text(words.practisedDays(progress.daysPractisedLast7, progress.daysPractisedLast28))
                    .accessibilityIdentifier("practised")
                Text(words.practiceByFocus).font(.headline)
                Chart(progress.focuses, id: \.focus) { focus in
                    BarMark(x: .value(words.times, Int(focus.timesPractised)), y: .value(words.practiceByFocus, title(of: focus.focus)))
                }
                .frame(minHeight: CGFloat(progress.focuses.count) * 36)
                .accessibilityIdentifier("practice-chart")
                if !progress.checkInWeeks.isEmpty {
                    Text(words.checkInTrends).font(.headline)
                    Chart {
                        ForEach(progress.checkInWeeks, id: \.monday) { week in
                            let monday = "\(week.monday.year)-\(week.monday.month)-\(week.monday.day)"
                            LineMark(x: .value(words.week, monday), y: .value(words.score, week.safety))
                                .foregroundStyle(by: .value(words.score, words.safety))
                            LineMark(x: .value(words.week, monday), y: .value(words.score, week.trust))
                                .foregroundStyle(by: .value(words.score, words.trust))
                            LineMark(x: .value(words.week, monday), y: .value(words.score, week.connection))
                                .foregroundStyle(by: .value(words.score, words.connection))
                        }
                    }
                    .chartYScale(domain: 0...Double(checkIn.maxScore))
                    .frame(minHeight: 200)
                    .accessibilityIdentifier("trend")
                }
                if !progress.milestones.isEmpty {
                    Text(words.milestones).font(.headline)
                    ForEach(progress.milestones, id: \.key) { milestone in
                        VStack(alignment: .leading, spacing: 4) {
                            Text(milestone.title).font(.subheadline.bold())
                            Text(milestone.text)
                        }
                    }
                }
            }
            ProblemText(problem: model.problem)
        }
        .task {
            await program.refresh()
            await checkIn.refresh()
            await model.refresh()
        }
    }

    /// A focus's name: its step's or theme's title from the program.
    private func title(of focus: Focus) -> String {
        for page in program.pages {
            switch (focus, page) {
            case (.step(let number), .step(let step)) where step.number == number: return step.title
            case (.theme(let key), .theme(let theme)) where theme.key == key: return theme.title
            default: continue
            }
        }
        if case .step(let number) = focus { return words.stepLabel(number) }
        return ""
    }
}

/// Today's check-in: safety, trust and connection, and an optional word.
private struct CheckInCard: View {
    @Bindable var model: CheckInViewModel
    @Environment(\.words) private var words

    init(model: CheckInViewModel) {
        self.model = model
    }

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            Text(words.checkInTitle).font(.headline)
            if let today = model.today, case .checkIn(let saved) = today.entry {
                Text(words.checkedIn(saved.safety, saved.trust, saved.connection)).accessibilityIdentifier("checked-in")
            }
            score(words.safety, $model.safety, "safety")
            score(words.trust, $model.trust, "trust")
            score(words.connection, $model.connection, "connection")
            TextField(words.checkInNote, text: $model.note).accessibilityIdentifier("check-in-note")
            ProblemText(problem: model.problem)
            PrimaryButton(title: model.busy ? words.busy : words.saveCheckIn, identifier: "save-check-in", enabled: !model.busy) {
                Task { await model.save() }
            }
        }
        .padding()
        .background(.quaternary.opacity(0.5), in: RoundedRectangle(cornerRadius: 12))
    }

    private func score(_ label: String, _ value: Binding<Int32>, _ identifier: String) -> some View {
        VStack(alignment: .leading) {
            Text(words.score(label, value.wrappedValue))
            Slider(
                value: Binding(get: { Double(value.wrappedValue) }, set: { value.wrappedValue = Int32($0.rounded()) }),
                in: 0...Double(model.maxScore),
                step: 1
            )
            .accessibilityLabel(label)
            .accessibilityValue("\(value.wrappedValue)")
            .accessibilityIdentifier(identifier)
        }
    }
}
