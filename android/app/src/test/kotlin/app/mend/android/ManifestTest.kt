// What the Android app declares, read from its manifest and backup rules on a plain JVM: no
// permission but showing reminders, re-arming them at boot and biometric unlock (so no network), no backup,
// every backup and transfer domain excluded, and a reminder receiver no other app can call.
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
    fun theAppAsksOnlyForRemindersAndBiometricsSoNeverForTheNetwork() {
        val manifest = read("AndroidManifest.xml")
        assertEquals(
            setOf(
                "android.permission.POST_NOTIFICATIONS",
                "android.permission.RECEIVE_BOOT_COMPLETED",
                "android.permission.USE_BIOMETRIC",
            ),
            manifest.all("uses-permission").map { it.getAttributeNS(android, "name") }.toSet(),
        )
        assertTrue(manifest.all("uses-permission-sdk-23").isEmpty())
        val text = File(main, "AndroidManifest.xml").readText()
        for (network in listOf("INTERNET", "NETWORK_STATE", "WIFI", "BLUETOOTH", "NEARBY")) {
            assertTrue(network !in text, network)
        }
    }

    @Test
    fun remindersAreArmedAgainAfterARestartAndZoneChangesByAReceiverNoAppCanCall() {
        val receiver = read("AndroidManifest.xml").all("receiver").single()
        assertEquals(".ReminderReceiver", receiver.getAttributeNS(android, "name"))
        assertEquals("false", receiver.getAttributeNS(android, "exported"))
        val actions = receiver.all("action").map { it.getAttributeNS(android, "name") }.toSet()
        assertEquals(
            setOf(
                "android.intent.action.BOOT_COMPLETED",
                "android.intent.action.TIMEZONE_CHANGED",
                "android.intent.action.TIME_SET",
                "android.intent.action.MY_PACKAGE_REPLACED",
            ),
            actions,
        )
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

    @Test
    fun onlyTheReminderGlueMakesNotificationsAndOnlyFromTheCoresText() {
        val sources = File(main, "kotlin").walkTopDown().filter { it.extension == "kt" }.toList()
        val builders = sources.filter { "Notification.Builder" in it.readText() || "NotificationCompat" in it.readText() }
        assertEquals(listOf("ReminderNotifications.kt"), builders.map { it.name })
        val glue = builders.single().readText()
        for (call in listOf("setContentText", "setSubText", "setTicker", "BigTextStyle", "InboxStyle", "setPublicVersion")) {
            assertTrue(call !in glue, call)
        }
        // The title is the one text the notification has: the firing's, handed on unchanged.
        assertTrue(".setContentTitle(text)" in glue)
    }

    @Test
    fun theLauncherShowsMendOrInDiscreetModeAPlainEntryNeverBoth() {
        val manifest = read("AndroidManifest.xml")
        val activity = manifest.all("activity").single()
        assertEquals("false", activity.getAttributeNS(android, "exported"), "only the aliases are launchable")
        assertTrue(activity.all("intent-filter").isEmpty())
        val aliases = manifest.all("activity-alias").associateBy { it.getAttributeNS(android, "name") }
        assertEquals(setOf(".Launcher", ".DiscreetLauncher"), aliases.keys)
        for (alias in aliases.values) {
            assertEquals(".MainActivity", alias.getAttributeNS(android, "targetActivity"))
            assertEquals(setOf("android.intent.category.LAUNCHER"), alias.all("category").map { it.getAttributeNS(android, "name") }.toSet())
        }
        assertEquals("true", aliases.getValue(".Launcher").getAttributeNS(android, "enabled"))
        assertEquals("false", aliases.getValue(".DiscreetLauncher").getAttributeNS(android, "enabled"), "discreet is off by default")
        val plain = aliases.getValue(".DiscreetLauncher")
        assertEquals("@string/discreet_name", plain.getAttributeNS(android, "label"))
        assertEquals("@mipmap/ic_discreet", plain.getAttributeNS(android, "icon"))
        // The plain name says nothing about the app or what it is for.
        val strings = read("res/values/strings.xml").all("string").associate { it.getAttribute("name") to it.textContent }
        val name = strings.getValue("discreet_name").lowercase()
        for (word in listOf("mend", "affair", "heal", "partner", "couple", "trust", "recover")) assertTrue(word !in name, word)
        // The switch in code names the same two aliases.
        val switch = File(main, "kotlin/app/mend/android/DiscreetLauncher.kt").readText()
        for (alias in aliases.keys) assertTrue("\"app.mend.android$alias\"" in switch, alias)
        for (icon in listOf("ic_launcher", "ic_discreet")) {
            assertTrue(File(main, "res/mipmap-anydpi-v26/$icon.xml").exists(), icon)
            assertTrue(File(main, "res/drawable/${icon}_foreground.xml").exists(), icon)
        }
    }
}
