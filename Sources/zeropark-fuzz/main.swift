// zeropark-fuzz: fuzz entry points for the park-file, CSV and JSON-body readers (issue #6).
//
// Built by scripts/fuzz with `-sanitize=fuzzer -D ZEROPARK_LIBFUZZER -enable-experimental-feature Extern`,
// this is a libFuzzer binary: `ZEROPARK_FUZZ_TARGET=parkfile|csv|json|multipart zeropark-fuzz [libFuzzer flags] CORPUS_DIR…`.
// In a normal build it replays corpus files instead, so the committed corpus runs in every build:
// `zeropark-fuzz Tests/FuzzCorpus/*` (a directory's name is its target; a file named on the command
// line takes its parent directory's name; ZEROPARK_FUZZ_TARGET overrides both).
//
// SwiftPM links an executable with `--defsym main=zeropark_fuzz_main` (the entry point of this file's
// top-level code), which replaces libFuzzer's own `main`; so in the libFuzzer build the top-level
// code hands over to libFuzzer's driver itself.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if ZEROPARK_LIBFUZZER

enum LibFuzzer {
    /// The target named by ZEROPARK_FUZZ_TARGET, read once.
    static let target: FuzzTarget = {
        guard let name = getenv("ZEROPARK_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            let message = "zeropark-fuzz: set ZEROPARK_FUZZ_TARGET to one of: \(names)\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            exit(2)
        }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    LibFuzzer.target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's driver: `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*)(const uint8_t *, size_t))`.
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

_ = LibFuzzer.target  // fail fast on a missing or unknown target, before libFuzzer starts
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))

#else

exit(Replay.main(Array(CommandLine.arguments.dropFirst())))

#endif
