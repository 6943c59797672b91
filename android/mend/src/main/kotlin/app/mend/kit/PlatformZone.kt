// The device's time zone rules for the core, from java.time (daylight saving included).
package app.mend.kit

import app.mend.core.TimeZoneRules
import java.time.Instant
import java.time.ZoneId

/** The rules of [zone] (the device's own by default), as the core asks for them. */
class PlatformZone(zone: ZoneId = ZoneId.systemDefault()) : TimeZoneRules {
    private val rules = zone.rules

    override fun offsetSeconds(utcMs: Long): Int = rules.getOffset(Instant.ofEpochMilli(utcMs)).totalSeconds
}
