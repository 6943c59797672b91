// The journal list: newest first, filtered by step or tag, searched as the person types (the
// latest words win: an older search never replaces a newer one), a page at a time, and
// reloaded whenever a note changes anywhere.
import Foundation
import MendCore
import Observation

/// Drives the journal list.
@MainActor @Observable
public final class JournalViewModel: SessionObserver {
    /// The notes shown, newest first.
    public private(set) var notes: [NoteSummary] = []
    /// How many notes match in all.
    public private(set) var total: Int32 = 0
    /// The query as the person has set it.
    public private(set) var query = NoteQuery()
    /// The query `notes` answer: the latest one whose answer has arrived.
    public private(set) var shownQuery: NoteQuery?
    /// Every tag in use, for the tag filter.
    public private(set) var tags: [String] = []
    /// Whether a page is loading.
    public private(set) var loading = false
    /// What went wrong, if anything.
    public private(set) var problem: MendError?

    @ObservationIgnored private let session: MendSession
    @ObservationIgnored private let pageSize: Int32
    @ObservationIgnored private var search: Task<Void, Never>?
    @ObservationIgnored private var asked = 0

    /// A model over `session`, loading `pageSize` notes at a time.
    public init(session: MendSession, pageSize: Int32 = 50) {
        self.session = session
        self.pageSize = pageSize
        session.observe(self)
    }

    public func sessionLocked() {
        notes = []
        total = 0
        shownQuery = nil
        tags = []
    }

    public func dataChanged(_ change: DataChange) {
        if change == .notes { Task { await refresh() } }
    }

    /// Whether more notes can be loaded.
    public var canLoadMore: Bool { notes.count < total }

    /// Whether the list is empty because nothing matches (not because there is nothing).
    public var isFilteredEmpty: Bool { notes.isEmpty && shownQuery != nil && shownQuery != NoteQuery() }

    private func load(_ query: NoteQuery, offset: Int32) async {
        asked += 1
        let ticket = asked
        loading = true
        problem = nil
        let limit = pageSize
        do {
            let (page, inUse) = try await session.call { (try $0.notes(query: query, offset: offset, limit: limit), try $0.tagsInUse()) }
            // A newer query was asked meanwhile: this answer is stale and is dropped.
            guard ticket == asked else { return }
            notes = offset == 0 ? page.notes : notes + page.notes
            total = page.total
            shownQuery = query
            tags = inUse
        } catch {
            guard ticket == asked else { return }
            problem = mendError(error)
        }
        loading = false
    }

    /// Loads the first page for the current query, and the tags in use.
    public func refresh() async {
        await load(query, offset: 0)
    }

    private func ask(_ newQuery: NoteQuery) {
        query = newQuery
        search?.cancel()
        search = Task { await load(newQuery, offset: 0) }
    }

    /// Searches for `words` as they are typed; blank shows everything.
    public func setWords(_ words: String) {
        var q = query
        q.words = words.isEmpty ? nil : words
        ask(q)
    }

    /// Shows only one step, or every step with nil.
    public func setStep(_ step: Int32?) {
        var q = query
        q.step = step
        ask(q)
    }

    /// Shows only one tag, or every tag with nil.
    public func setTag(_ tag: String?) {
        var q = query
        q.tag = tag
        ask(q)
    }

    /// Waits for the search in flight, if any.
    public func settled() async {
        await search?.value
    }

    /// Loads the next page, if there is one.
    public func loadMore() async {
        guard canLoadMore, !loading else { return }
        await load(query, offset: Int32(notes.count))
    }
}
