// The program pages for this vault's role: the six steps, or the hurt partner's themes.
package app.mend.kit

import app.mend.core.ProgramPage
import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the program screens show: the pages, and the one opened. */
data class ProgramState(val pages: List<ProgramPage> = emptyList(), val open: ProgramPage? = null, val problem: MendException? = null)

/** Drives the program screens. */
class ProgramModel(session: MendSession, scope: CoroutineScope) : ScreenModel<ProgramState>(session, ProgramState(), scope) {

    override suspend fun refresh() {
        val result = attempt { session.call { it.programPages() } }
        mutable.update { result.fold({ pages -> it.copy(pages = pages, problem = null) }, { _ -> it.copy(problem = result.problem) }) }
    }

    /** Opens the page at [index] of [ProgramState.pages], or closes it with null. */
    fun open(index: Int?) = mutable.update { it.copy(open = index?.let(it.pages::getOrNull)) }
}
