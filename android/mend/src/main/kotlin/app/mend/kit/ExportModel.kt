// Exporting everything, from settings: after a plain warning that the file is not protected,
// the core writes everything as JSON (for other programs) or Markdown (to read) into the
// app's own storage, and the platform hands it to the person and removes the copy.
package app.mend.kit

import app.mend.core.ExportFormat
import app.mend.ffi.MendException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.update

/** What the export screen shows. */
data class ExportState(
    val busy: Boolean = false,
    /** An export was written. */
    val done: Boolean = false,
    /** Where it went, in the platform's words; null if it was set aside. */
    val deliveredTo: String? = null,
    val problem: MendException? = null,
)

/** Drives the export screen; [files] is the platform's. */
class ExportModel(session: MendSession, scope: CoroutineScope, private val files: SharedFiles) :
    ScreenModel<ExportState>(session, ExportState(), scope) {

    /** Writes everything in [format] and hands the file over. */
    suspend fun export(format: ExportFormat) {
        mutable.update { ExportState(busy = true) }
        val path = files.newFilePath()
        val result = attempt {
            session.call { v ->
                v.export(format, path)
                v.exportFileName(format)
            }
        }
        val name = result.getOrNull()
        if (name == null) {
            mutable.update { ExportState(problem = result.problem) }
            return
        }
        val delivered = files.deliver(path, name)
        mutable.update { ExportState(done = true, deliveredTo = delivered) }
    }

    /** Back to the warning (leaving the screen). */
    fun reset() = mutable.update { ExportState() }
}
