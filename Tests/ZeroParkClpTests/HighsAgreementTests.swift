import Foundation
import Testing
import ZeroParkClp
import ZeroParkDispatchSamples
import ZeroParkOptimisation

/// The package root (…/Tests/ZeroParkClpTests/ThisFile.swift → …).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Whether python3 with highspy is available (the comparison is skipped otherwise).
let highsAvailable: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import highspy"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

/// Runs scripts/dispatch_highs.py on the model and returns its objective.
func highsObjective(_ lp: LinearProgram, name: String) throws -> Double? {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("zeropark-\(name)-\(getpid()).json")
    try LinearProgramJSON.encode(lp, name: name).write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process(), pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/dispatch_highs.py").path, file.path]
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // HiGHS prints a banner first; the result is the last line.
    guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
          let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          json["status"] as? String == "Optimal" else { return nil }
    return json["objective"] as? Double
}

@Test(.enabled(if: highsAvailable), arguments: [(24, 194 * 24, false), (168, 194 * 24, true), (8_760, 0, false)])
func clpAgreesWithHighs(hours: Int, startHour: Int, ev: Bool) throws {
    let problem = SyntheticPark.problem(hours: hours, startHour: startHour, withEVFleet: ev)
    let model = try DispatchModel.build(problem)
    let outcome = ClpSolver().solve(model.program)
    #expect(outcome.status == .optimal)
    let highs = try highsObjective(model.program, name: "\(hours)h")
    #expect(highs != nil)
    if let highs {
        let relative = abs(outcome.objective - highs) / max(1, abs(highs))
        #expect(relative <= 1e-9, "Clp \(outcome.objective) vs HiGHS \(highs): \(relative)")
    }
}

@Test func syntheticWeekReportIsConsistent() throws {
    // A July week with the EV fleet: the cost breakdown adds up to the objective, storage and flexibility
    // never cost more than the baseline, and imports (hence tCO2) do not rise by more than the losses.
    let problem = SyntheticPark.problem(hours: 168, startHour: 194 * 24, withEVFleet: true)
    let report = try Dispatcher(solver: ClpSolver()).run(problem)
    let o = report.optimised, b = report.baseline
    #expect(abs(o.cost.total - o.objective) <= 1e-6 * abs(o.objective))
    #expect(abs(b.cost.total - b.objective) <= 1e-6 * abs(b.objective))
    #expect(report.saving > 0)
    #expect(o.batteryCycles > 0)
    #expect(o.pvSelfConsumptionShare > 0.9 && o.pvSelfConsumptionShare <= 1)
    #expect(o.monthlyPeaks.count == 1 && o.monthlyPeaks[0].peakKW < b.monthlyPeaks[0].peakKW)
    #expect(o.schedule.socKWh.last.map { $0 >= 5_000 - 1e-6 } == true)
    // Each fleet day delivers its 6,000 kWh.
    for kw in o.schedule.evSessionKW { #expect(abs(kw.reduce(0, +) - 6_000) < 1e-6) }
}
