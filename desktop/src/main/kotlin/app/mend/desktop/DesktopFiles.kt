// Backups on the desktop: the core writes the sealed file into the vault's own folder, then
// a save dialog lets the person put it where they want (a USB stick, a folder that syncs);
// restoring opens the file they pick where it is.
package app.mend.desktop

import app.mend.kit.SharedFiles
import java.awt.FileDialog
import java.io.File
import java.nio.file.Files
import java.nio.file.StandardCopyOption

/** The desktop's side of backups; [workDir] is the vault's folder (readable only by its owner). */
class DesktopFiles(private val workDir: File) : SharedFiles {
    override fun newFilePath(): String =
        File(workDir, "backup-${System.currentTimeMillis()}.mendbackup").path

    override suspend fun deliver(path: String, suggestedName: String): String? {
        val written = File(path)
        val dialog = FileDialog(null as java.awt.Frame?, "", FileDialog.SAVE)
        dialog.file = suggestedName
        dialog.isVisible = true
        val name = dialog.file
        if (name == null) {
            written.delete()
            return null
        }
        val chosen = File(dialog.directory, name)
        Files.move(written.toPath(), chosen.toPath(), StandardCopyOption.REPLACE_EXISTING)
        return chosen.path
    }

    override suspend fun pick(): String? {
        val dialog = FileDialog(null as java.awt.Frame?, "", FileDialog.LOAD)
        dialog.isVisible = true
        val name = dialog.file ?: return null
        return File(dialog.directory, name).path
    }
}
