import Foundation
import Testing
import TestSupport

/// The image cannot be built here (no Docker engine), so these tests check that
/// the Dockerfile is consistent with the repository and with the binary.
@Suite("Dockerfile")
struct DockerfileTests {
    let root = TestPaths.packageRoot

    func dockerfile() throws -> [String] {
        try String(contentsOf: root.appendingPathComponent("Dockerfile"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test("every COPY from the build context names a file or folder that exists")
    func copiedPathsExist() throws {
        let copies = try dockerfile().filter { $0.hasPrefix("COPY ") && !$0.contains("--from=") }
        #expect(copies.count >= 2)
        for line in copies {
            let parts = line.split(separator: " ").map(String.init).dropFirst()
            for source in parts.dropLast() {
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(source).path),
                        "Dockerfile copies \(source), which does not exist")
            }
        }
    }

    @Test("multi-stage: a Swift build stage, a slim Debian runtime, a non-root user, the binary as entrypoint")
    func stages() throws {
        let lines = try dockerfile()
        let froms = lines.filter { $0.hasPrefix("FROM ") }
        #expect(froms.count == 2)
        #expect(froms.first?.contains("swift:6") == true)
        #expect(froms.last?.contains("debian:bookworm-slim") == true)
        #expect(lines.contains { $0.contains("--static-swift-stdlib") })
        #expect(lines.contains { $0.contains("--product threat-monitor") })
        let user = try #require(lines.last { $0.hasPrefix("USER ") })
        #expect(!user.contains("root") && !user.hasSuffix(" 0") && !user.contains(" 0:"))
        #expect(lines.contains("ENTRYPOINT [\"/usr/local/bin/threat-monitor\"]"))
        #expect(lines.contains { $0.contains("COPY --from=build") && $0.hasSuffix("/usr/local/bin/threat-monitor") })
        let package = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(package.contains(".executable(name: \"threat-monitor\""))
    }

    @Test("the runtime stage installs a Debian package for every non-Swift library the binary links")
    func runtimeLibraries() async throws {
        let binary = root.appendingPathComponent(".build/debug/threat-monitor").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first (swift build)")
        let readelf = try await Subprocess.run("/usr/bin/readelf", ["-d", binary])
        let needed = readelf.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(needed.contains("libcurl.so.4"))
        // Swift's own libraries are linked statically in the image (--static-swift-stdlib).
        let system = needed.filter { !$0.hasPrefix("libswift") && !$0.hasPrefix("libFoundation")
            && !["libdispatch.so", "libBlocksRuntime.so"].contains($0) }
        let runtimeStage = try dockerfile().drop { !($0.hasPrefix("FROM debian")) }.joined(separator: "\n")
        // Essential packages of every Debian image.
        let base: Set = ["libc6", "libgcc-s1"]
        for lib in system {
            let dpkg = try await Subprocess.run("/usr/bin/dpkg", ["-S", "*/\(lib)"])
            let package = dpkg.stdout.split(separator: "\n").first { !$0.contains(":i386") }
                .flatMap { $0.split(separator: ":").first.map(String.init) }
            let name = try #require(package, "no Debian package provides \(lib)")
            #expect(base.contains(name) || runtimeStage.contains(" \(name) ") || runtimeStage.contains(" \(name)\n"),
                    "the runtime stage must install \(name) (for \(lib))")
        }
        // libstdc++ is needed by the statically linked Swift runtime even when not listed directly.
        #expect(runtimeStage.contains("libstdc++6"))
        #expect(runtimeStage.contains("ca-certificates"))
    }
}
