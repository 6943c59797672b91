// Backups on Android through the system's document picker (the Storage Access Framework):
// the core writes the sealed file into the app's own no-backup storage, then the person
// chooses where it goes (Drive, a USB stick, Downloads) and it is copied there and removed
// here; to restore, the person picks a file, which is copied into the app's storage for the
// core to read, and removed once restored. Mend needs no storage permission for either.
// A summary prints through Android's print framework: the page is laid out by a WebView that
// is never shown and can load nothing else, and the system's print dialog prints it or saves
// it as a PDF.
package app.mend.android

import android.net.Uri
import android.print.PrintAttributes
import android.print.PrintManager
import android.provider.OpenableColumns
import android.webkit.WebResourceRequest
import android.webkit.WebView
import android.webkit.WebViewClient
import androidx.activity.ComponentActivity
import androidx.activity.result.contract.ActivityResultContracts
import app.mend.kit.SharedFiles
import java.io.File
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** The document picker's and print framework's side of files; create it in [activity]'s `onCreate`. */
class DocumentFiles(private val activity: ComponentActivity) : SharedFiles {
    /** The page being laid out for printing, held until the print framework has its adapter. */
    private var printing: WebView? = null

    private var created: CompletableDeferred<Uri?>? = null
    private var opened: CompletableDeferred<Uri?>? = null
    private val createDocument =
        activity.registerForActivityResult(ActivityResultContracts.CreateDocument("application/octet-stream")) { created?.complete(it) }
    private val openDocument =
        activity.registerForActivityResult(ActivityResultContracts.OpenDocument()) { opened?.complete(it) }

    private fun folder(name: String): File = File(activity.noBackupFilesDir, name).apply { mkdirs() }

    override fun newFilePath(): String {
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

    override val canPrint: Boolean get() = true

    override suspend fun printPage(page: String, jobName: String) {
        val loaded = CompletableDeferred<Unit>()
        withContext(Dispatchers.Main) {
            val view = WebView(activity)
            view.settings.apply {
                javaScriptEnabled = false
                allowFileAccess = false
                allowContentAccess = false
                blockNetworkLoads = true
            }
            view.webViewClient = object : WebViewClient() {
                override fun shouldOverrideUrlLoading(view: WebView, request: WebResourceRequest) = true

                override fun onPageFinished(view: WebView, url: String?) {
                    if (printing !== view) return
                    val manager = activity.getSystemService(PrintManager::class.java)
                    manager.print(jobName, view.createPrintDocumentAdapter(jobName), PrintAttributes.Builder().build())
                    printing = null
                    loaded.complete(Unit)
                }
            }
            printing = view
            view.loadDataWithBaseURL(null, page, "text/html", "UTF-8", null)
        }
        loaded.await()
    }

    /** The name the document provider shows for [uri]. */
    private fun displayName(uri: Uri): String =
        activity.contentResolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { c ->
            if (c.moveToFirst()) c.getString(0) else null
        } ?: "mend.mendbackup"
}
