// The Android library module: the Rust core cross-compiled for the four Android ABIs with
// cargo-ndk, the Kotlin bindings generated from it by uniffi-bindgen before Kotlin compiles,
// JNA, and the hand-written Kotlin API in src/main/kotlin.
import org.gradle.api.tasks.Exec

plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

val repoRoot: File = rootDir.parentFile
val generatedKotlin = layout.buildDirectory.dir("generated/uniffi/kotlin")
val generatedJniLibs = layout.buildDirectory.dir("generated/jniLibs")
val generatedAssets = layout.buildDirectory.dir("generated/mendContent")
val abis = listOf("arm64-v8a", "armeabi-v7a", "x86_64", "x86")
val cargoProfile = if (providers.gradleProperty("mend.debugRust").isPresent) "debug" else "release"

android {
    namespace = "app.mend.kit"
    compileSdk = 36
    ndkVersion = "27.2.12479018"

    defaultConfig {
        minSdk = 28
        consumerProguardFiles("consumer-rules.pro")
    }

    sourceSets["main"].java.srcDir(generatedKotlin)
    sourceSets["main"].jniLibs.srcDir(generatedJniLibs)
    // The program content the phone library is built without (`content/<code>.mendcontent`),
    // installed by the app at start (MendSession.installContent).
    sourceSets["main"].assets.srcDir(generatedAssets)

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    testOptions {
        // JVM unit tests load the host build of the library (cargo build -p mend-ffi).
        unitTests.all { test ->
            test.systemProperty("jna.library.path", File(repoRoot, "target/debug").path)
            test.dependsOn(cargoHostBuild)
        }
    }
}

/** Builds the library for this computer, for JVM unit tests. */
val cargoHostBuild = tasks.register<Exec>("cargoHostBuild") {
    workingDir = repoRoot
    commandLine("cargo", "build", "-p", "mend-ffi", "-p", "uniffi-bindgen", "--locked")
}

/** The linker version script that makes UniFFI's metadata local, listed from the host build. */
val exportsMapFile = layout.buildDirectory.file("generated/uniffi/exports.map")
val exportsMap = tasks.register<Exec>("uniffiExportsMap") {
    dependsOn(cargoHostBuild)
    workingDir = repoRoot
    val targetDir = System.getenv("CARGO_TARGET_DIR")?.let(::File) ?: File(repoRoot, "target")
    val hostLibrary = if (System.getProperty("os.name").startsWith("Mac")) "libmend_ffi.dylib" else "libmend_ffi.so"
    commandLine("bash", "scripts/phone-exports.sh", File(targetDir, "debug/$hostLibrary").path, exportsMapFile.get().asFile.path)
}

/**
 * Cross-compiles libmend_ffi.so for every ABI into build/generated/jniLibs: the cdylib alone
 * (`cargo rustc --crate-type cdylib`; building the other crate types with it made the library
 * 70 KB larger), with UniFFI's metadata made local through [exportsMap] so the linker drops it
 * (only uniffi-bindgen reads it, from the host build). scripts/library-size.sh builds the same way.
 */
val cargoNdk = tasks.register<Exec>("cargoNdk") {
    dependsOn(exportsMap)
    workingDir = repoRoot
    val args = mutableListOf("cargo", "ndk", "--platform", "28", "-o", generatedJniLibs.get().asFile.path)
    abis.forEach { args += listOf("-t", it) }
    // Without the content built in: the app carries it as an asset (writeContent).
    args += listOf("rustc", "-p", "mend-ffi", "--lib", "--crate-type", "cdylib", "--locked", "--no-default-features")
    // 16 KB pages: Android 15+ devices may use them, and Google Play requires the alignment.
    val rustflags = mutableListOf("-C", "link-arg=-Wl,-z,max-page-size=16384")
    if (cargoProfile == "release") {
        args += "--release"
        // The release library aborts on a panic, so it needs no unwind tables, in the Rust
        // or in the C (SQLite, ring): 136 KB less (docs/PERFORMANCE.md;
        // scripts/library-size.sh measures with the same flags).
        rustflags += listOf("-C", "force-unwind-tables=no")
        environment("CFLAGS", "-fno-asynchronous-unwind-tables -fno-unwind-tables")
    }
    // Flags after `--` reach only mend-ffi's own link, not the build scripts.
    args += listOf("--", "-C", "link-arg=-Wl,--version-script=" + exportsMapFile.get().asFile.path)
    // Nothing unwinds in the release library, so the unwinder's lookup table for the standard
    // library's frames (.eh_frame_hdr, 15 KB) is left out too.
    if (cargoProfile == "release") args += listOf("-C", "link-arg=-Wl,--no-eh-frame-hdr")
    // Relative relocations packed (RELR with Android's tags, which minSdk 28 reads): what the
    // NDK's clang does by default from API 28, said here so the library stays as measured.
    args += listOf("-C", "link-arg=-Wl,--pack-dyn-relocs=relr", "-C", "link-arg=-Wl,--use-android-relr-tags")
    environment("RUSTFLAGS", rustflags.joinToString(" "))
    commandLine(args)
}

/** Writes the compiled program content into the assets, one file per language. */
val writeContent = tasks.register<Exec>("writeContent") {
    workingDir = repoRoot
    val out = File(generatedAssets.get().asFile, "content")
    commandLine("cargo", "run", "--locked", "--release", "-p", "mend-core", "--example", "write-content", "--", out.path)
}

/** Regenerates the Kotlin bindings from the host build (same source, same checksums). */
val generateBindings = tasks.register<Exec>("generateUniffiBindings") {
    dependsOn(cargoHostBuild)
    workingDir = File(repoRoot, "bindings")
    val targetDir = System.getenv("CARGO_TARGET_DIR")?.let(::File) ?: File(repoRoot, "target")
    val hostLibrary = if (System.getProperty("os.name").startsWith("Mac")) "libmend_ffi.dylib" else "libmend_ffi.so"
    commandLine(
        File(targetDir, "debug/uniffi-bindgen").path, "generate",
        File(targetDir, "debug/$hostLibrary").path,
        "--language", "kotlin", "--no-format", "--out-dir", generatedKotlin.get().asFile.path,
        // Android's settings over uniffi.toml's (a cleaner that exists before API 33).
        "--config", File(repoRoot, "bindings/uniffi-android.toml").path,
    )
}

tasks.named("preBuild") { dependsOn(generateBindings, cargoNdk, writeContent) }

dependencies {
    implementation("net.java.dev.jna:jna:5.17.0@aar")
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.10.2")
    testImplementation("net.java.dev.jna:jna:5.17.0")
    testImplementation("junit:junit:4.13.2")
    testImplementation(kotlin("test-junit"))
}

kotlin {
    compilerOptions {
        jvmTarget.set(org.jetbrains.kotlin.gradle.dsl.JvmTarget.JVM_17)
    }
}
