import ZeroParkCore
import ZeroParkStore

/// Request and response bodies of /api/v1 beyond the store's own types.
enum APIModels {
    struct QuantityBody: Codable, Sendable {
        var value: Double?
        var quantity: Double?
        var unit: String

        func quantity(field: String) throws -> Quantity {
            guard let number = value ?? quantity, number.isFinite, number >= 0 else {
                throw APIError(status: .unprocessableContent, code: "invalid", message: "须为 ≥ 0 的数字 / must be a number ≥ 0", field: field)
            }
            do { return Quantity(number, try QuantityUnit.parse(unit)) } catch {
                throw APIError(status: .unprocessableContent, code: "unknown_unit", message: "单位无法识别或不能换算 / \(error)", field: field + ".unit")
            }
        }
    }

    struct SinkBody: Codable, Sendable {
        var id: String
        var name: String
        var kind: String
        var areaM2: Double?
        var rate: QuantityBody?
        var captured: QuantityBody?
        var verification: String?
        var source: String?
        var year: Int?

        func sink() throws -> CarbonSink {
            let kind: CarbonSink.Kind
            switch self.kind {
            case "greenery":
                guard let area = areaM2, area >= 0, let rate else {
                    throw APIError(status: .unprocessableContent, code: "invalid", message: "绿地碳汇须填写面积（≥ 0 m²）和固碳速率 / greenery needs area_m2 ≥ 0 and rate", field: "area_m2")
                }
                kind = .greenery(areaM2: area, rate: try rate.quantity(field: "rate"))
            case "ccus":
                guard let captured else {
                    throw APIError(status: .unprocessableContent, code: "invalid", message: "CCUS 须填写捕集量 / ccus needs captured", field: "captured")
                }
                kind = .ccus(captured: try captured.quantity(field: "captured"), verification: verification)
            default:
                throw APIError(status: .unprocessableContent, code: "invalid", message: "类型须为绿地（greenery）或 CCUS / kind must be greenery or ccus", field: "kind")
            }
            let sink = CarbonSink(id: id, name: name, kind: kind, source: source ?? verification)
            // Unit checks by the accounting rules themselves.
            _ = try SinkAccountingCheck.check(sink)
            return sink
        }
    }

    struct OffsetBody: Codable, Sendable {
        var id: String
        var name: String
        var type: String
        var quantity: QuantityBody
        var year: Int
        var vintage: Int?
        /// Accepted for compatibility, never trusted: local is derived from `project_province`.
        var local: Bool?
        var projectProvince: String?
        var retired: String?
        var retiredFor: String?
        var registryRef: String?
        var commitmentYears: Int?
        var verification: String?

        func offset() throws -> CarbonOffset {
            guard let type = OffsetType(rawValue: type) else {
                throw APIError(status: .unprocessableContent, code: "invalid",
                               message: "类型须为以下之一：\(OffsetType.allCases.map(\.rawValue).joined(separator: "、")) / type must be one of \(OffsetType.allCases.map(\.rawValue).joined(separator: ", "))", field: "type")
            }
            var date: CalendarDate?
            if let retired {
                guard let parsed = CalendarDate(iso: retired) else {
                    throw APIError(status: .unprocessableContent, code: "invalid", message: "须为 YYYY-MM-DD 格式的日期 / must be YYYY-MM-DD", field: "retired")
                }
                date = parsed
            }
            let quantity = try quantity.quantity(field: "quantity")
            guard quantity.unit.dimension == QuantityUnit.tonneCO2.dimension else {
                throw APIError(status: .unprocessableContent, code: "unit_mismatch", message: "须为二氧化碳质量单位（tCO2） / must be a CO2 mass (tCO2)", field: "quantity.unit")
            }
            return CarbonOffset(id: id, name: name, type: type, quantity: quantity, vintage: vintage, local: local,
                                projectProvince: projectProvince, retired: date, retiredFor: retiredFor, registryRef: registryRef,
                                commitmentYears: commitmentYears, verification: verification)
        }
    }

    struct ActivityBody: Codable, Sendable {
        var year: Int
        var month: Int?
        var value: Double
        var dataSource: String?
        var evidence: String?
    }

    /// Whether the park publishes its disclosure page, and its reduction target (1.1.2(d)).
    struct PublicationBody: Codable, Sendable {
        var published: Bool
        var reductionTarget: String?
    }

    struct ProfileBody: Codable, Sendable {
        var name: String
        var nameEn: String?
        var type: String
        var province: String?
        var areaM2: Double
        var outputValueCny: Double?
        var boundaryEvidence: [String]?

        func profile(key: String) throws -> ParkProfile {
            guard let type = ParkType(rawValue: type) else {
                throw APIError(status: .unprocessableContent, code: "invalid",
                               message: "园区类型须为以下之一：\(ParkType.allCases.map(\.rawValue).joined(separator: "、")) / type must be one of \(ParkType.allCases.map(\.rawValue).joined(separator: ", "))", field: "type")
            }
            return ParkProfile(id: key, name: name, nameEn: nameEn, type: type, province: province, areaM2: areaM2,
                               outputValueCNY: outputValueCny, boundaryEvidence: boundaryEvidence ?? [])
        }
    }

    struct FactorBody: Codable, Sendable {
        var value: Double
        var unit: String
        var source: String

        func factor(id: String) throws -> ParkFactor {
            do { return ParkFactor(id: id, value: value, unit: try QuantityUnit.parse(unit), source: source) } catch {
                throw APIError(status: .unprocessableContent, code: "unknown_unit", message: "单位无法识别或不能换算 / \(error)", field: "unit")
            }
        }
    }

    /// A park fuel with the GB/T 32150 parameters.
    struct FuelBody: Codable, Sendable {
        var name: String
        var ncv: QuantityBody
        var carbonContent: QuantityBody
        var oxidation: Double
        var biogenic: Bool?
        var coalCoefficient: QuantityBody?
        var source: String

        func fuel(id: String) throws -> FuelDefinition {
            FuelDefinition(id: id, name: name, ncv: try ncv.quantity(field: "ncv"), carbonContent: try carbonContent.quantity(field: "carbon_content"),
                           oxidation: oxidation, biogenic: biogenic ?? false,
                           coalCoefficient: try coalCoefficient?.quantity(field: "coal_coefficient"), source: source)
        }
    }

    struct FuelView: Codable, Sendable {
        var id, name, ncv, carbonContent, source: String
        var oxidation: Double
        var biogenic: Bool
        var coalCoefficient: String?

        init(_ fuel: FuelDefinition) {
            id = fuel.id
            name = fuel.name
            ncv = fuel.ncv.description
            carbonContent = fuel.carbonContent.description
            source = fuel.source
            oxidation = fuel.oxidation
            biogenic = fuel.biogenic
            coalCoefficient = fuel.coalCoefficient?.description
        }
    }

    struct ParkFactorView: Codable, Sendable {
        var id, unit, source: String
        var value: Double
        /// Whether the factor replaces a built-in one of the same id.
        var overridesLibrary: Bool

        init(_ factor: ParkFactor) {
            id = factor.id
            unit = factor.unit.symbol
            source = factor.source
            value = factor.value
            overridesLibrary = FactorLibrary.builtIn.contains(factorID: factor.id)
        }
    }

    struct MemberBody: Codable, Sendable {
        var role: String
        var enterprise: String?
    }

    struct SnapshotRequest: Codable, Sendable {
        var year: Int
    }

    struct CommentBody: Codable, Sendable {
        var target: String
        var text: String
    }

    struct ParkView: Codable, Sendable {
        var key: String
        var name: String
        var nameEn: String?
        var type: String
        var province: String?
        var areaM2: Double
        var outputValueCny: Double?
        var boundaryEvidence: [String]
        var published: Bool
        var reductionTarget: String?
        var defaultYear: Int
        var enterprises: [Enterprise]
        var years: [Int]

        init(_ park: StoredPark, years: [Int]) {
            key = park.profile.id
            name = park.profile.name
            nameEn = park.profile.nameEn
            type = park.profile.type.rawValue
            province = park.profile.province
            areaM2 = park.profile.areaM2
            outputValueCny = park.profile.outputValueCNY
            boundaryEvidence = park.profile.boundaryEvidence
            published = park.published
            reductionTarget = park.reductionTarget
            defaultYear = park.defaultYear
            enterprises = park.enterprises
            self.years = years
        }
    }

    struct SinkView: Codable, Sendable {
        var id, name, kind: String
        var areaM2: Double?
        var rate: String?
        var captured: String?
        var source: String?

        init(_ sink: CarbonSink) {
            id = sink.id
            name = sink.name
            kind = sink.kind.key
            source = sink.source
            switch sink.kind {
            case let .greenery(area, rate):
                areaM2 = area
                self.rate = rate.description
            case let .ccus(captured, _):
                self.captured = captured.description
            }
        }
    }

    /// An offset claim as stored; `local` is derived from the project's province against the
    /// park's (1.1.7), whatever was typed.
    struct OffsetView: Codable, Sendable {
        var id, name, type: String
        var year: Int
        var tco2: Double
        var local: Bool
        var retired: String?
        var registryRef: String?
        var commitmentYears: Int?
        var vintage: Int?
        var projectProvince: String?
        var retiredFor: String?
        var verification: String?

        init(_ offset: CarbonOffset, year: Int, parkProvince: String?) {
            id = offset.id
            name = offset.name
            type = offset.type.rawValue
            self.year = year
            tco2 = (try? offset.quantity.value(in: .tonneCO2)) ?? offset.quantity.value
            local = offset.isLocal(parkProvince: parkProvince)
            projectProvince = offset.effectiveProjectProvince
            retiredFor = offset.retiredFor
            verification = offset.verification
            retired = offset.retired?.description
            registryRef = offset.registryRef
            commitmentYears = offset.commitmentYears
            vintage = offset.vintage
        }
    }

    struct SnapshotView: Codable, Sendable {
        var id: Int64
        var park: String
        var year: Int
        var createdAt: String
        var createdBy: String
        var inputHash: String
        var outputHash: String
        var emissionsTco2: Double
        var netTco2: Double
        var inputParkFile: String?
        var inventory: InventoryDocument?

        init(_ snapshot: InventorySnapshot, includeDocument: Bool) {
            id = snapshot.id
            park = snapshot.parkKey
            year = snapshot.year
            createdAt = snapshot.createdAt
            createdBy = snapshot.createdBy
            inputHash = snapshot.inputHash
            outputHash = snapshot.outputHash
            emissionsTco2 = snapshot.emissionsTco2
            netTco2 = snapshot.netTco2
            if includeDocument {
                inputParkFile = snapshot.inputParkFile
                inventory = snapshot.document.flatMap { try? JSONDecoder().decode(InventoryDocument.self, from: Data($0.utf8)) }
            }
        }
    }

    struct FactorView: Codable, Sendable {
        var id, kind, nameZh, nameEn, unit, citationKey, source: String
        var value: Double
        var vintage: Int?
        var note: String?

        init(_ factor: LibraryFactor) {
            id = factor.id
            kind = factor.kind.rawValue
            nameZh = factor.nameZh
            nameEn = factor.nameEn
            unit = factor.unitSymbol
            citationKey = factor.citation.key
            source = factor.citation.text
            value = factor.value
            vintage = factor.vintage
            note = factor.note
        }
    }
}

/// Checks a sink's units with the accounting rules, without a period.
enum SinkAccountingCheck {
    static func check(_ sink: CarbonSink) throws -> Bool {
        guard let period = AccountingPeriod(year: 2025) else { return false }
        let park = ParkDefinition(profile: ParkProfile(id: "check", name: "check", type: .industrialPark, province: nil, areaM2: 1,
                                                       outputValueCNY: nil, boundaryEvidence: []),
                                  period: period, sinks: [sink])
        _ = try InventoryCalculator.compute(park)
        return true
    }
}

import Foundation

extension APIModels {
    /// A green certificate claim as sent and shown (docs/accounting-rules.md §1).
    struct CertificateBody: Codable, Sendable {
        var id: String
        var source: String
        var mwh: Double
        var vintage: Int
        var year: Int
        var retired: String?
        var registry: String?

        init(_ certificate: GreenCertificate, year: Int) {
            id = certificate.id
            source = certificate.source
            mwh = certificate.mwh
            vintage = certificate.vintage
            self.year = year
            retired = certificate.retired?.description
            registry = certificate.registry
        }

        func certificate() throws -> GreenCertificate {
            var date: CalendarDate?
            if let retired {
                guard let parsed = CalendarDate(iso: retired) else {
                    throw APIError(status: .unprocessableContent, code: "invalid", message: "须为 YYYY-MM-DD 格式的日期 / must be YYYY-MM-DD", field: "retired")
                }
                date = parsed
            }
            return GreenCertificate(id: id, source: source, mwh: mwh, vintage: vintage, retired: date, registry: registry)
        }
    }

    /// The park's accounting rules as sent and shown: park-file keys to values.
    struct RulesBody: Codable, Sendable {
        var marketBasis: String?
        var exportedEnergy: String?
        var cleanEnergy: String?
        var indicatorElectricity: String?
        var combustionNonCo2: Bool?
        var offsetVintageWindowYears: Int?
        var reportDate: String?

        init(_ rules: AccountingRules) {
            let settings = Dictionary(uniqueKeysWithValues: rules.settings.map { ($0.key, $0.value) })
            marketBasis = settings["market_basis"]
            exportedEnergy = settings["exported_energy"]
            cleanEnergy = settings["clean_energy"]
            indicatorElectricity = settings["indicator_electricity"]
            combustionNonCo2 = rules.combustionNonCO2
            offsetVintageWindowYears = rules.offsetVintageWindowYears
            reportDate = rules.reportDate?.description
        }

        /// The rules: the defaults with every given key set (the schema has checked the values).
        func rules() throws -> AccountingRules {
            var rules = AccountingRules.standard
            for (key, value) in [("market_basis", marketBasis), ("exported_energy", exportedEnergy), ("clean_energy", cleanEnergy),
                                 ("indicator_electricity", indicatorElectricity),
                                 ("combustion_non_co2", combustionNonCo2.map { $0 ? "true" : "false" }),
                                 ("offset_vintage_window_years", offsetVintageWindowYears.map(String.init)),
                                 ("report_date", reportDate)] {
                guard let value else { continue }
                guard rules.set(key, to: value) else {
                    throw APIError(status: .unprocessableContent, code: "invalid",
                                   message: "须为以下之一：\(AccountingRules.accepted(key)) / must be one of \(AccountingRules.accepted(key))", field: key)
                }
            }
            return rules
        }
    }
}

extension APIModels {
    /// A restatement as the API shows it (docs/accounting-rules.md §8).
    struct RestatementView: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            let kind, id, name: String
            let before, after: Double?
            let delta: Double
            let reasons: [String]
        }

        let snapshot: Int64
        let against: String
        let beforeLibrary, afterLibrary: String
        let ruleChanges: [String]
        let changed: Bool
        let totals: [Line]
        let lines: [Line]

        init(snapshotID: Int64, against: RestatementBasis, _ restatement: Restatement) {
            func line(_ item: Restatement.Line) -> Line {
                Line(kind: item.kind.rawValue, id: item.id, name: item.name, before: item.before, after: item.after,
                     delta: item.delta, reasons: item.reasons)
            }
            snapshot = snapshotID
            self.against = against.rawValue
            beforeLibrary = restatement.beforeLibrary
            afterLibrary = restatement.afterLibrary
            ruleChanges = restatement.ruleChanges
            changed = restatement.changed
            totals = restatement.totals.map(line)
            lines = restatement.lines.map(line)
        }
    }
}
