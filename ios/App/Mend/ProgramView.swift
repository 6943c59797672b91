// The program: the six steps and the deeper modules for the partner repairing the harm, or
// the hurt partner's themes, each opening to its page of the core's words.
import MendCore
import MendKit
import SwiftUI

struct ProgramView: View {
    let role: Role
    @State private var model: ProgramViewModel
    @Environment(\.words) private var words

    init(session: MendSession, role: Role) {
        self.role = role
        _model = State(initialValue: ProgramViewModel(session: session))
    }

    var body: some View {
        List {
            ForEach(Array(model.pages.enumerated()), id: \.offset) { index, page in
                if case .module = page, index == model.pages.firstIndex(where: { if case .module = $0 { true } else { false } }) {
                    Text(words.goingDeeper).font(.headline).accessibilityAddTraits(.isHeader)
                }
                NavigationLink {
                    ProgramPageView(page: page)
                } label: {
                    VStack(alignment: .leading, spacing: 4) {
                        Text(page.title).font(.headline)
                        Text(page.summary).font(.subheadline).foregroundStyle(.secondary)
                    }
                    .padding(.vertical, 4)
                }
                .accessibilityIdentifier("page-\(index)")
            }
            if let problem = model.problem { ProblemText(problem: problem) }
        }
        .navigationTitle(role == .repairing ? words.programRepairing : words.programHurt)
        .withHelp()
        .task { await model.refresh() }
    }
}

/// One step's, theme's or module's page.
struct ProgramPageView: View {
    let page: ProgramPage
    @Environment(\.words) private var words

    init(page: ProgramPage) {
        self.page = page
    }

    var body: some View {
        Page(title: page.title) {
            Text(page.summary).font(.title3)
            switch page {
            case .step(let step):
                part(words.whyItMatters, step.why)
                items(words.practices, step.practices)
                items(words.phrases, step.phrases)
                items(words.cautions, step.cautions)
                items(words.reflections, step.reflections)
            case .theme(let theme):
                items(words.practices, theme.practices)
                items(words.phrases, theme.phrases)
                items(words.cautions, theme.cautions)
                items(words.reflections, theme.reflections)
            case .module(let module):
                Text(words.partOfStep(module.step)).font(.callout).foregroundStyle(.secondary)
                items(words.practices, module.practices)
                items(words.phrases, module.phrases)
                items(words.cautions, module.cautions)
                items(words.reflections, module.reflections)
            }
        }
    }

    @ViewBuilder private func part(_ title: String, _ text: String) -> some View {
        Text(title).font(.headline)
        Text(text)
    }

    @ViewBuilder private func items(_ title: String, _ lines: [String]) -> some View {
        if !lines.isEmpty {
            Text(title).font(.headline)
            ForEach(lines, id: \.self) { line in
                Label(line, systemImage: "circle.fill").labelStyle(Bullet())
            }
        }
    }
}

/// A bulleted line that wraps under its text, not under the bullet.
private struct Bullet: LabelStyle {
    func makeBody(configuration: Configuration) -> some View {
        HStack(alignment: .firstTextBaseline, spacing: 8) {
            configuration.icon.font(.system(size: 6)).accessibilityHidden(true)
            configuration.title
        }
    }
}

extension ProgramPage {
    /// The page's title.
    var title: String {
        switch self {
        case .step(let step): step.title
        case .theme(let theme): theme.title
        case .module(let module): module.title
        }
    }

    /// The page's one-line summary.
    var summary: String {
        switch self {
        case .step(let step): step.summary
        case .theme(let theme): theme.summary
        case .module(let module): module.summary
        }
    }
}
