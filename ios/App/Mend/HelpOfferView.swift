// The core's help card, offered after something was saved (a note, a check-in, today's
// response, a tool entry) or beside a worksheet section while it is written, when its words
// sound dangerous or check-ins are low: its heading and paragraphs (never repeating what the
// person wrote), the lines to reach first with a Call and a Text link (a Copy button where
// the device cannot call), and the way to the help page. What was written is already saved:
// help is an offer, never a block.
import MendCore
import MendKit
import SwiftUI
import UIKit

/// Whether this device opens the dialler and Messages (an iPhone), or copies numbers instead.
extension EnvironmentValues {
    @Entry var canDial = false
}

/// The help card for `offer`; its button runs `onHelp`, or opens help.
struct HelpOfferView: View {
    let offer: HelpOffer
    var onHelp: (() -> Void)?
    @Environment(\.words) private var words
    @Environment(\.showHelp) private var showHelp

    init(offer: HelpOffer, onHelp: (() -> Void)? = nil) {
        self.offer = offer
        self.onHelp = onHelp
    }

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            Text(offer.title).font(.headline).accessibilityAddTraits(.isHeader)
            ForEach(Array(offer.paragraphs.enumerated()), id: \.offset) { _, paragraph in
                Text(paragraph)
            }
            ForEach(Array(offer.lines.enumerated()), id: \.offset) { _, line in
                HelpLineView(line: line)
            }
            PrimaryButton(title: words.openHelp, identifier: "open-help") { (onHelp ?? showHelp)() }
        }
        .padding()
        .frame(maxWidth: .infinity, alignment: .leading)
        .background(.tint.opacity(0.12), in: RoundedRectangle(cornerRadius: 12))
        .accessibilityElement(children: .contain)
        .accessibilityIdentifier("help-offer")
    }
}

/// One help line: its name, how to reach it, and a link to call or text it (the dialler or
/// Messages opens; nothing is sent without the person), or a button that copies its number.
struct HelpLineView: View {
    let line: HelpResource
    @State private var copied = false
    @Environment(\.words) private var words
    @Environment(\.canDial) private var canDial

    init(line: HelpResource) {
        self.line = line
    }

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(line.name).bold()
            Text(line.contact).font(.callout)
            // Side by side where they fit, one above the other at large text sizes.
            ViewThatFits(in: .horizontal) {
                HStack(spacing: 8) { actions }
                VStack(alignment: .leading, spacing: 8) { actions }
            }
        }
        .frame(maxWidth: .infinity, alignment: .leading)
        .accessibilityElement(children: .contain)
        .accessibilityIdentifier("help-line")
    }

    @ViewBuilder private var actions: some View {
        if canDial {
            if let call = line.callURL {
                Link(destination: call) { Text(words.callLine(line.call)).frame(minHeight: 36) }
                    .buttonStyle(.bordered)
                    .accessibilityIdentifier("call-line")
            }
            if let text = line.textURL {
                Link(destination: text) { Text(words.textLine(line.text)).frame(minHeight: 36) }
                    .buttonStyle(.bordered)
                    .accessibilityIdentifier("text-line")
            }
        } else if !line.call.isEmpty {
            Button {
                UIPasteboard.general.string = line.call
                copied = true
            } label: {
                Text(copied ? words.copied : words.copyLine(line.call)).frame(minHeight: 36)
            }
            .buttonStyle(.bordered)
            .accessibilityIdentifier("copy-line")
        }
    }
}
