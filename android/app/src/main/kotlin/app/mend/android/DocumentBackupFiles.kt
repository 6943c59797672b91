// Backups on Android through the system's document picker (the Storage Access Framework):
// the core writes the sealed file into the app's own no-backup storage, then the person
// chooses where it goes (Drive, a USB stick, Downloads) and it is copied there and removed
// here; to restore, the person picks a file, which is copied into the app's storage for the
// core to read, and removed once restored. Mend needs no storage permission for either.
package app.mend.android

import android.net.Uri
import android.provider.OpenableColumns
import androidx.activity.ComponentActivity
import androidx.activity.result.contract.ActivityResultContracts
import app.mend.kit.BackupFiles
import java.io.File
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** The document picker's side of backups; create it in [activity]'s `onCreate`. */
class DocumentBackupFiles(private val activity: ComponentActivity) : BackupFiles {
    private var created: CompletableDeferred<Uri?>? = null
    private var opened: CompletableDeferred<Uri?>? = null
    private val createDocument =
        activity.registerForActivityResult(ActivityResultContracts.CreateDocument("application/octet-stream")) { created?.complete(it) }
    private val openDocument =
        activity.registerForActivityResult(ActivityResultContracts.OpenDocument()) { opened?.complete(it) }

    private fun folder(name: String): File = File(activity.noBackupFilesDir, name).apply { mkdirs() }

    override fun newBackupPath(): String {
        folder("backups").listFiles()?.forEach { it.delete() } // left by an earlier run
        return File(folder("backups"), "backup-${System.currentTimeMillis()}.mendbackup").path
    }

    override suspend fun deliver(path: String, suggestedName: String): String? {
        val written = File(path)
        val answer = CompletableDeferred<Uri?>().also { created = it }
        createDocument.launch(suggestedName)
        val uri = answer.await()
        try {
            if (uri == null) return null
            withContext(Dispatchers.IO) {
                val out = activity.contentResolver.openOutputStream(uri, "w") ?: return@withContext null
                out.use { sink -> written.inputStream().use { it.copyTo(sink) } }
            } ?: return null
            return displayName(uri)
        } finally {
            written.delete()
        }
    }

    override suspend fun pick(): String? {
        val answer = CompletableDeferred<Uri?>().also { opened = it }
        openDocument.launch(arrayOf("*/*"))
        val uri = answer.await() ?: return null
        return withContext(Dispatchers.IO) {
            val dir = folder("restore")
            dir.listFiles()?.forEach { it.delete() }
            val copy = File(dir, displayName(uri).replace('/', '_'))
            val input = activity.contentResolver.openInputStream(uri) ?: return@withContext null
            input.use { source -> copy.outputStream().use { source.copyTo(it) } }
            copy.path
        }
    }

    override suspend fun release(path: String) {
        withContext(Dispatchers.IO) { File(path).delete() }
    }

    /** The name the document provider shows for [uri]. */
    private fun displayName(uri: Uri): String =
        activity.contentResolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { c ->
            if (c.moveToFirst()) c.getString(0) else null
        } ?: "mend.mendbackup"
}
