// Where backups are written and where a backup to restore comes from: each platform's own
// way (a save dialog on the desktop; the share sheet and the document picker on phones). The
// core writes and reads plain paths; the platform moves the sealed file to and from them.
package app.mend.kit

/** The platform's side of backups. */
interface BackupFiles {
    /** A new path to write a backup to (nothing there yet). */
    fun newBackupPath(): String

    /**
     * Hands the written backup at [path] to the person (saved where they chose, offering
     * [suggestedName]); returns where it went, in words to show, or null if they set it aside.
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
}
