import Foundation
import ZeroParkClp
import ZeroParkDispatchSamples
import ZeroParkOptimisation

// zeropark-dispatch-bench [--hours N] [--start-hour H] [--ev] [--quarter-hours] [--json FILE] [--mps FILE] [--algorithm dual|presolve|primal|auto]
// Builds the synthetic park's dispatch LP, solves it with Clp, prints timings and the objective.
var hours = 8_760, startHour = 0, withEV = false, quarter = false
var jsonPath: String?, mpsPath: String?, algorithm = ClpSolver.Algorithm.dualWithPresolve
var args = CommandLine.arguments.dropFirst().makeIterator()
while let arg = args.next() {
    switch arg {
    case "--hours": hours = Int(args.next() ?? "") ?? hours
    case "--start-hour": startHour = Int(args.next() ?? "") ?? startHour
    case "--ev": withEV = true
    case "--quarter-hours": quarter = true
    case "--json": jsonPath = args.next()
    case "--mps": mpsPath = args.next()
    case "--algorithm":
        switch args.next() {
        case "dual": algorithm = .dual
        case "primal": algorithm = .primal
        case "auto": algorithm = .automatic
        default: algorithm = .dualWithPresolve
        }
    default:
        FileHandle.standardError.write(Data("unknown argument \(arg)\n".utf8))
        exit(2)
    }
}

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

let t0 = DispatchTime.now().uptimeNanoseconds
let hourly = SyntheticPark.problem(hours: hours, startHour: startHour, withEVFleet: withEV)
let problem = quarter ? SyntheticPark.quarterHourly(hourly) : hourly
let model: DispatchModel
do {
    model = try DispatchModel.build(problem)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let buildSeconds = seconds(since: t0)
let outcome = ClpSolver(algorithm: algorithm).solve(model.program)
let totalSeconds = seconds(since: t0)
let lp = model.program
print("clp \(ClpSolver.version) hours=\(hours) steps=\(problem.stepCount) columns=\(lp.columnCount) rows=\(lp.rowCount) nonzeros=\(lp.nonzeroCount)")
print(String(format: "build_s=%.4f solve_s=%.4f build_plus_solve_s=%.4f iterations=%d status=%@",
             buildSeconds, outcome.seconds, totalSeconds, outcome.iterations, "\(outcome.status)"))
print("objective=\(outcome.objective)")
if outcome.status == .optimal {
    let r = model.read(outcome, problem: problem)
    print(String(format: "cost_total=%.6f energy=%.2f demand=%.2f export_revenue=%.2f cycle=%.2f cycles=%.1f self_consumption=%.4f import_tCO2=%.1f",
                 r.cost.total, r.cost.energy, r.cost.demand, r.cost.exportRevenue, r.cost.cycle, r.batteryCycles,
                 r.pvSelfConsumptionShare, r.importTonnesCO2))
}
if let jsonPath {
    do {
        try LinearProgramJSON.encode(lp, name: "synthetic-\(hours)h").write(toFile: jsonPath, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("cannot write \(jsonPath): \(error)\n".utf8))
        exit(1)
    }
}
if let mpsPath { _ = ClpSolver.writeMPS(lp, to: mpsPath) }
