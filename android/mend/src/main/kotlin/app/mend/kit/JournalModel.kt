// The journal list: newest first, filtered by step or tag, searched, loaded a page at a time.
package app.mend.kit

import app.mend.core.NoteFilter
import app.mend.core.NoteSummary
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** One row of the list. */
data class NoteRow(
    val id: String,
    val title: String,
    val step: Int?,
    val tags: List<String>,
    val createdAtMs: Long,
    val edited: Boolean,
)

/** What the journal list shows. */
data class JournalState(
    val rows: List<NoteRow> = emptyList(),
    val total: Int = 0,
    val query: String = "",
    val step: Int? = null,
    val tag: String? = null,
    val loading: Boolean = false,
    val problem: Problem? = null,
) {
    /** Whether more rows can be loaded. */
    val canLoadMore: Boolean get() = rows.size < total

    /** Whether the list is empty because nothing matches (not because nothing exists). */
    val isFilteredEmpty: Boolean get() = rows.isEmpty() && (query.isNotBlank() || step != null || tag != null)
}

/** Drives the journal list. */
class JournalModel(private val client: MendClient, private val pageSize: Int = 50) {
    private val mutable = MutableStateFlow(JournalState())

    /** The current state. */
    val state: StateFlow<JournalState> = mutable.asStateFlow()

    private suspend fun load(offset: Int) {
        val s = mutable.value
        mutable.update { it.copy(loading = true, problem = null) }
        val filter = NoteFilter(step = s.step?.toUByte(), tag = s.tag)
        attempt {
            if (s.query.isBlank() && s.step == null && s.tag == null) client.newest(offset, pageSize)
            else if (s.query.isBlank()) client.notes(filter, offset, pageSize)
            else client.search(s.query, filter, offset, pageSize)
        }.onSuccess { page ->
            val rows = page.notes.map(::row)
            mutable.update {
                it.copy(
                    rows = if (offset == 0) rows else it.rows + rows,
                    total = page.total.toInt(),
                    loading = false,
                )
            }
        }.onFailure { e -> mutable.update { it.copy(loading = false, problem = problemOf(e)) } }
    }

    /** Loads the first page again. */
    suspend fun refresh() = load(0)

    /** Loads the next page, if there is one. */
    suspend fun loadMore() {
        if (mutable.value.canLoadMore && !mutable.value.loading) load(mutable.value.rows.size)
    }

    /** Searches for every word of [query]; blank shows everything. */
    suspend fun setQuery(query: String) {
        mutable.update { it.copy(query = query.trim()) }
        refresh()
    }

    /** Shows only one step (1–6), or all with null. */
    suspend fun setStep(step: Int?) {
        mutable.update { it.copy(step = step) }
        refresh()
    }

    /** Shows only one tag, or all with null. */
    suspend fun setTag(tag: String?) {
        mutable.update { it.copy(tag = tag?.takeIf(String::isNotBlank)) }
        refresh()
    }

    private fun row(s: NoteSummary) = NoteRow(
        id = s.id,
        title = s.title,
        step = s.step?.toInt(),
        tags = s.tags,
        createdAtMs = s.createdAtMs,
        edited = s.updatedAtMs != s.createdAtMs,
    )
}
