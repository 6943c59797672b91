// swift-tools-version:6.0
// MendKit: Mend's core for Swift apps. The generated bindings (MendCore), the native library
// (MendFFI: an XCFramework on Apple platforms, the host-built library on Linux for tests),
// and a hand-written Swift API with view models (MendKit).
import PackageDescription

#if os(Linux)
// Linux (tests): link the library built by `cargo build`; pass its directory with
// -Xlinker -L<dir> (see tests/bindings.sh). The shim supplies a runtime function Debian's
// Swift package lacks (see Sources/LinuxRuntimeShim/shim.c).
let ffi: Target = .systemLibrary(name: "MendFFI", path: "Sources/MendFFI")
let platformTargets: [Target] = [.target(name: "LinuxRuntimeShim", path: "Sources/LinuxRuntimeShim")]
let kitDependencies: [Target.Dependency] = ["MendCore", "LinuxRuntimeShim"]
#else
// Apple platforms: ios/build-xcframework.sh builds MendFFI.xcframework next to this file.
let ffi: Target = .binaryTarget(name: "MendFFI", path: "MendFFI.xcframework")
let platformTargets: [Target] = []
let kitDependencies: [Target.Dependency] = ["MendCore"]
#endif

let package = Package(
    name: "MendKit",
    platforms: [.iOS(.v17), .macOS(.v14)],
    // MendCore too, so that app code names the core's types (Role, ToolEntry, …) directly.
    products: [.library(name: "MendKit", targets: ["MendKit", "MendCore"])],
    targets: platformTargets + [
        ffi,
        .target(name: "MendCore", dependencies: ["MendFFI"], path: "Sources/MendCore", exclude: ["README.md"]),
        .target(name: "MendKit", dependencies: kitDependencies, path: "Sources/MendKit"),
        .target(name: "MendTestSupport", dependencies: ["MendCore", "MendKit"], path: "Tests/MendTestSupport"),
        .testTarget(name: "MendCoreTests", dependencies: ["MendCore", "MendTestSupport"], path: "Tests/MendCoreTests"),
        .testTarget(name: "MendKitTests", dependencies: ["MendKit", "MendTestSupport"], path: "Tests/MendKitTests"),
        // The iOS app's word table (a link to ios/App/Mend/Words.swift, which needs only
        // Foundation and MendKit), compiled and walked here, where the app itself cannot be.
        .testTarget(name: "AppWordsTests", dependencies: ["MendKit"], path: "Tests/AppWordsTests"),
    ]
)
