// What every screen model shares: a StateFlow of what the screen shows, emptied the moment
// the vault locks (nothing decrypted outlives the lock), and reloaded when the core says that
// the kind of data the screen shows has changed, wherever the change was made.
package app.mend.kit

import app.mend.core.DataChange
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/** A screen's state holder over [session]; [scope] is the screen's (a ViewModel's) scope. */
abstract class ScreenModel<S>(protected val session: MendSession, private val empty: S, scope: CoroutineScope) {
    /** The state, for subclasses to change. */
    protected val mutable = MutableStateFlow(empty)

    /** What the screen shows. */
    val state: StateFlow<S> = mutable.asStateFlow()

    init {
        scope.launch { session.state.collect { if (it !is SessionState.Unlocked && keepsOnlyWhileUnlocked) mutable.value = empty } }
        scope.launch { session.changes.collect { if (reloadsOn(it)) refresh() } }
    }

    /** Whether the state is wiped while the vault is locked (false for the lock screens). */
    protected open val keepsOnlyWhileUnlocked: Boolean get() = true

    /** Whether a change of [change]'s kind means the screen must reload. */
    protected open fun reloadsOn(change: DataChange): Boolean = false

    /** Loads what the screen shows; call when the screen appears. */
    open suspend fun refresh() {}
}
