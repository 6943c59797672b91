// The journal list: newest first, filtered by step or tag, searched, loaded a page at a time.
import Foundation
import MendCore
import Observation

/// One row of the list.
public struct NoteRow: Equatable, Identifiable, Sendable {
    /// The note's id.
    public let id: String
    /// Its title.
    public let title: String
    /// Its step, if any.
    public let step: Int?
    /// Its tags.
    public let tags: [String]
    /// When it was written (ms since the epoch).
    public let createdAtMs: Int64
    /// Whether it was edited since.
    public let edited: Bool
}

/// Drives the journal list.
@MainActor @Observable
public final class JournalViewModel {
    /// The rows loaded so far.
    public private(set) var rows: [NoteRow] = []
    /// How many notes match in all.
    public private(set) var total = 0
    /// The search words; empty lists everything.
    public private(set) var query = ""
    /// The step filter.
    public private(set) var step: Int?
    /// The tag filter.
    public private(set) var tag: String?
    /// Whether a page is loading.
    public private(set) var loading = false
    /// The problem to show, if any.
    public private(set) var problem: Problem?

    private let client: MendClient
    private let pageSize: Int

    /// A model over `client`, loading `pageSize` notes at a time.
    public init(client: MendClient, pageSize: Int = 50) {
        self.client = client
        self.pageSize = pageSize
    }

    /// Whether more rows can be loaded.
    public var canLoadMore: Bool { rows.count < total }

    /// Whether the list is empty because nothing matches the filters or search.
    public var isFilteredEmpty: Bool { rows.isEmpty && (!query.isEmpty || step != nil || tag != nil) }

    private func load(offset: Int) async {
        loading = true
        problem = nil
        defer { loading = false }
        let filter = NoteFilter(step: step.map { UInt8($0) }, tag: tag)
        do {
            let page: NotePage
            if !query.isEmpty {
                page = try await client.search(query, filter: filter, offset: offset, limit: pageSize)
            } else if step == nil && tag == nil {
                page = try await client.newest(offset: offset, limit: pageSize)
            } else {
                page = try await client.notes(filter: filter, offset: offset, limit: pageSize)
            }
            let loaded = page.notes.map {
                NoteRow(id: $0.id, title: $0.title, step: $0.step.map { Int($0) }, tags: $0.tags,
                        createdAtMs: $0.createdAtMs, edited: $0.updatedAtMs != $0.createdAtMs)
            }
            rows = offset == 0 ? loaded : rows + loaded
            total = Int(page.total)
        } catch {
            problem = Problem(error)
        }
    }

    /// Loads the first page again.
    public func refresh() async { await load(offset: 0) }

    /// Loads the next page, if there is one.
    public func loadMore() async {
        if canLoadMore && !loading { await load(offset: rows.count) }
    }

    /// Searches for every word of `text`; blank lists everything.
    public func search(_ text: String) async {
        query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        await refresh()
    }

    /// Shows one step (1–6), or all with nil.
    public func filter(step: Int?) async {
        self.step = step
        await refresh()
    }

    /// Shows one tag, or all with nil.
    public func filter(tag: String?) async {
        self.tag = tag.flatMap { $0.isEmpty ? nil : $0 }
        await refresh()
    }
}
