#if !ZEROPARK_LIBFUZZER
import Foundation

/// Replays corpus files through their fuzz targets (the normal, non-libFuzzer build): a crash
/// here is a regression of an input the fuzzer once found interesting.
enum Replay {
    static func main(_ arguments: [String]) -> Int32 {
        if arguments.isEmpty || arguments.contains("-h") || arguments.contains("--help") {
            print("usage: zeropark-fuzz DIR_OR_FILE…   (Tests/FuzzCorpus/<target>: parkfile, csv, json, multipart)")
            return arguments.isEmpty ? 2 : 0
        }
        let forced = ProcessInfo.processInfo.environment["ZEROPARK_FUZZ_TARGET"].flatMap { $0.isEmpty ? nil : $0 }
        if let forced, FuzzTarget(rawValue: forced) == nil {
            return fail("ZEROPARK_FUZZ_TARGET=\(forced) is not one of: \(targetNames)")
        }
        var count = 0, slow = 0
        for argument in arguments {
            let url = URL(fileURLWithPath: argument)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                return fail("\(argument): no such file or directory")
            }
            let name = forced ?? (isDirectory.boolValue ? url.lastPathComponent : url.deletingLastPathComponent().lastPathComponent)
            guard let target = FuzzTarget(rawValue: name) else {
                return fail("\(argument): the directory name \"\(name)\" is not a target (\(targetNames)); set ZEROPARK_FUZZ_TARGET")
            }
            let files = isDirectory.boolValue ? Self.files(under: url) : [url]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file.path) else { return fail("\(file.path): unreadable") }
                let start = DispatchTime.now().uptimeNanoseconds
                target.run([UInt8](data))
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                // Every reader is linear in its input; a corpus file (≤ 64 KiB) that takes seconds is a regression.
                if seconds > 2 {
                    print("slow: \(file.path) took \(String(format: "%.1f", seconds)) s (\(target.rawValue))")
                    slow += 1
                }
                count += 1
            }
        }
        print("replayed \(count) inputs, \(slow) slow")
        return slow == 0 ? 0 : 1
    }

    static var targetNames: String { FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Regular files under `directory`, recursively, in a stable order, skipping hidden files.
    static func files(under directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("zeropark-fuzz: \(message)\n".utf8))
        return 2
    }
}
#endif
