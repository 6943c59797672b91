// What the Android app declares, read from its manifest and backup rules on a plain JVM: no
// permission at all (so no network), no backup, and every backup and transfer domain excluded.
package app.mend.android

import java.io.File
import javax.xml.parsers.DocumentBuilderFactory
import org.junit.Test
import org.w3c.dom.Element
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class ManifestTest {
    private val android = "http://schemas.android.com/apk/res/android"
    // Run by Gradle from the module's folder, or by tests/bindings.sh from the repository's.
    private val main = System.getProperty("mend.android.main")?.let(::File)
        ?: listOf(File("src/main"), File("android/app/src/main")).first { File(it, "AndroidManifest.xml").exists() }

    private fun read(path: String): Element {
        val factory = DocumentBuilderFactory.newInstance().apply { isNamespaceAware = true }
        return factory.newDocumentBuilder().parse(File(main, path)).documentElement
    }

    private fun Element.all(tag: String): List<Element> {
        val nodes = getElementsByTagName(tag)
        return (0 until nodes.length).map { nodes.item(it) as Element }
    }

    @Test
    fun theAppAsksForNoPermissionSoNeverForTheNetwork() {
        val manifest = read("AndroidManifest.xml")
        assertEquals(emptyList(), manifest.all("uses-permission").map { it.getAttributeNS(android, "name") })
        assertTrue(manifest.all("uses-permission-sdk-23").isEmpty())
    }

    @Test
    fun nothingIsBackedUpOrCarriedToAnotherDevice() {
        val app = read("AndroidManifest.xml").all("application").single()
        assertEquals("false", app.getAttributeNS(android, "allowBackup"))
        assertEquals("@xml/backup_rules", app.getAttributeNS(android, "fullBackupContent"))
        assertEquals("@xml/data_extraction_rules", app.getAttributeNS(android, "dataExtractionRules"))
        val domains = setOf("root", "file", "database", "sharedpref", "external")
        val rules = read("res/xml/data_extraction_rules.xml")
        for (section in listOf("cloud-backup", "device-transfer")) {
            val excluded = rules.all(section).single().all("exclude").filter { it.getAttribute("path") == "." }
            assertEquals(domains, excluded.map { it.getAttribute("domain") }.toSet(), section)
            assertTrue(rules.all(section).single().all("include").isEmpty(), section)
        }
        val full = read("res/xml/backup_rules.xml").all("exclude").filter { it.getAttribute("path") == "." }
        assertEquals(domains, full.map { it.getAttribute("domain") }.toSet())
    }

    @Test
    fun theWindowIsSecureOnEveryScreen() {
        // One activity hosts every screen; it sets FLAG_SECURE before showing anything.
        val activities = read("AndroidManifest.xml").all("activity")
        assertEquals(listOf(".MainActivity"), activities.map { it.getAttributeNS(android, "name") })
        val source = File(main, "kotlin/app/mend/android/MainActivity.kt").readText()
        val secure = source.indexOf("FLAG_SECURE")
        assertTrue(secure in 0 until source.indexOf("setContent {"), "FLAG_SECURE is set before the content")
    }
}
