// swift-tools-version:6.1
// The benchmarks live apart from the main package so its build stays lean.
import Foundation
import PackageDescription

/// The main package is the folder above; SwiftPM names a path dependency after its folder.
let backOffice = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "omaolo-backoffice-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "TicketCreateBenchmark",
            dependencies: [.product(name: "Postgres", package: backOffice)],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
