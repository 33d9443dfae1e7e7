// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "threat-monitor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "threat-monitor", targets: ["ThreatMonitorCLI"]),
        .executable(name: "threat-monitor-bench", targets: ["Bench"]),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CYaml", path: "Sources/CYaml", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "openssl",
                       providers: [.apt(["libssl-dev"])]),

        // The dynamic value (JSON-like) shared by every layer.
        .target(name: "JSON"),
        .target(name: "YAML", dependencies: ["JSON", "CYaml"]),
        .target(name: "HTTPServer", dependencies: ["COpenSSL"]),
        .target(name: "Kube", dependencies: ["JSON", "YAML", "CCurl"]),
        .target(name: "DevCluster", dependencies: ["JSON", "YAML", "HTTPServer", "COpenSSL"]),
        .target(name: "Controller", dependencies: ["JSON", "Kube", "HTTPServer"]),
        .target(name: "Policies", dependencies: ["JSON", "YAML"]),
        .target(name: "Operator", dependencies: ["JSON", "YAML", "Kube", "Controller", "Policies"]),
        // Cold-start convergence against DevCluster, for the benchmark and its test.
        .target(name: "OperatorBenchmarks", dependencies: ["Operator", "DevCluster", "Kube", "Controller", "Policies", "JSON"]),
        .executableTarget(name: "ThreatMonitorCLI",
                          dependencies: ["JSON", "YAML", "Kube", "DevCluster", "Controller", "Policies", "Operator"]),
        .executableTarget(name: "Bench",
                          dependencies: ["JSON", "YAML", "Kube", "DevCluster", "Controller", "Policies", "Operator", "OperatorBenchmarks"]),

        // Shared by the test targets: paths, kubectl, Cilium's schemas as CRDs, subprocesses.
        .target(name: "TestSupport", dependencies: ["JSON"]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "JSON", "TestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "KubeTests", dependencies: ["Kube", "JSON", "YAML", "HTTPServer"]),
        .testTarget(name: "DevClusterTests", dependencies: ["DevCluster", "Kube", "JSON", "YAML", "TestSupport"]),
        .testTarget(name: "ControllerTests", dependencies: ["Controller", "DevCluster", "Kube", "JSON"]),
        .testTarget(name: "PoliciesTests", dependencies: ["Policies", "JSON", "YAML", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "OperatorTests", dependencies: ["Operator", "OperatorBenchmarks", "DevCluster", "Kube", "Policies", "JSON", "YAML", "Controller", "TestSupport"]),
        // Issue 6: the install (deploy/, RBAC, Dockerfile) and the demo.
        .testTarget(name: "DeployTests", dependencies: ["TestSupport", "JSON", "YAML", "Kube", "DevCluster", "Operator", "Policies"]),
    ],
    swiftLanguageModes: [.v6]
)
