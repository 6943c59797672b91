// Plugin versions for the whole Android build, checked together (2026-11-28): AGP 8.13.2
// supports API 36, needs Gradle 8.13+ and JDK 17, and its R8 reads Kotlin 2.3 metadata;
// Kotlin 2.3.0 with its Compose compiler plugin of the same version; Compose BOM 2026.09.00
// (compose 1.12.1, built with Kotlin 2.1) in the app.
plugins {
    id("com.android.application") version "8.13.2" apply false
    id("com.android.library") version "8.13.2" apply false
    id("org.jetbrains.kotlin.android") version "2.3.0" apply false
    id("org.jetbrains.kotlin.plugin.compose") version "2.3.0" apply false
}
