// How files leave the app and come into it, each platform's own way: a save dialog on the
// desktop; the document picker on phones. Backups, exports and summaries go out this way,
// a backup to restore comes in; the core writes and reads plain paths, and the platform moves
// the file to and from them. A summary can also go to the phone's print framework, which
// prints it or saves it as a PDF without a plain copy left in the app's storage.
package app.mend.kit

/** The platform's side of files going out and coming in. */
interface SharedFiles {
    /** A new path to write a backup, export or summary to (nothing there yet). */
    fun newFilePath(): String

    /**
     * Hands the written file at [path] to the person (saved where they chose, offering
     * [suggestedName]) and removes it from the app's storage; returns where it went, in words
     * to show, or null if they set it aside.
     */
    suspend fun deliver(path: String, suggestedName: String): String?

    /**
     * Asks the person for a backup to restore; returns a path the core can read (copied into
     * the app's own storage on phones), or null if they cancelled.
     */
    suspend fun pick(): String?

    /**
     * A restore from [path] (as [pick] gave it) is over: the platform may remove a copy it
     * made. The desktop keeps the person's own file.
     */
    suspend fun release(path: String) {}

    /** Whether [printPage] reaches a print framework here (the phones have one). */
    val canPrint: Boolean get() = false

    /**
     * Opens the platform's print dialog for [page], a self-contained HTML page, as a job named
     * [jobName] (dates only: the print queue and its notifications show it). The person prints
     * it or saves it as a PDF from there; returns once the dialog is open.
     */
    suspend fun printPage(page: String, jobName: String) {}
}
