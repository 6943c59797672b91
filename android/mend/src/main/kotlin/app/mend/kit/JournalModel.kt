// The journal list: newest first, filtered by step or tag, searched as the person types (the
// latest words win: an older search never replaces a newer one), a page at a time, and
// reloaded whenever a note changes anywhere.
package app.mend.kit

import app.mend.core.DataChange
import app.mend.core.NoteQuery
import app.mend.core.NoteSummary
import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** What the journal list shows. */
data class JournalState(
    val notes: List<NoteSummary> = emptyList(),
    val total: Int = 0,
    /** The query as the person has set it. */
    val query: NoteQuery = NoteQuery(),
    /** The query [notes] answer: the latest one whose answer has arrived. */
    val shownQuery: NoteQuery? = null,
    /** Every tag in use, for the tag filter. */
    val tags: List<String> = emptyList(),
    val loading: Boolean = false,
    val problem: MendException? = null,
) {
    /** Whether more notes can be loaded. */
    val canLoadMore: Boolean get() = notes.size < total

    /** Whether the list is empty because nothing matches (not because there is nothing). */
    val isFilteredEmpty: Boolean get() = notes.isEmpty() && shownQuery != null && shownQuery != NoteQuery()
}

/** Drives the journal list. */
class JournalModel(session: MendSession, private val scope: CoroutineScope, private val pageSize: Int = 50) :
    ScreenModel<JournalState>(session, JournalState(), scope) {

    private var search: Job? = null
    private var asked = 0L

    override fun reloadsOn(change: DataChange) = change == DataChange.Notes

    /** Loads the first page for the current query, and the tags in use. */
    override suspend fun refresh() = load(mutable.value.query, 0)

    private suspend fun load(query: NoteQuery, offset: Int) {
        val ticket = ++asked
        mutable.update { it.copy(loading = true, problem = null) }
        val result = attempt { session.call { v -> v.notes(query, offset, pageSize) to v.tagsInUse() } }
        mutable.update {
            // A newer query was asked meanwhile: this answer is stale and is dropped.
            if (ticket != asked) return@update it
            result.fold(
                { (page, tags) ->
                    it.copy(
                        notes = if (offset == 0) page.notes else it.notes + page.notes,
                        total = page.total,
                        shownQuery = query,
                        tags = tags,
                        loading = false,
                    )
                },
                { _ -> it.copy(loading = false, problem = result.problem) },
            )
        }
    }

    private fun ask(query: NoteQuery) {
        mutable.update { it.copy(query = query) }
        search?.cancel()
        search = scope.launch { load(query, 0) }
    }

    /** Searches for [words] as they are typed; blank shows everything. */
    fun setWords(words: String) = ask(mutable.value.query.copy(words = words.takeIf(String::isNotBlank)))

    /** Shows only one step, or every step with null. */
    fun setStep(step: Int?) = ask(mutable.value.query.copy(step = step))

    /** Shows only one tag, or every tag with null. */
    fun setTag(tag: String?) = ask(mutable.value.query.copy(tag = tag))

    /** Waits for the search in flight, if any (for tests and for a screen that needs it). */
    suspend fun settled() {
        search?.join()
    }

    /** Loads the next page, if there is one. */
    suspend fun loadMore() {
        val s = mutable.value
        if (s.canLoadMore && !s.loading) load(s.query, s.notes.size)
    }
}
