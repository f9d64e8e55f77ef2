/// Who the park is and where its boundary lies (STANDARD.md 1.1.1): type, province, land area,
/// output value and the government-supervised documents the boundary is fixed from.
public struct ParkProfile: Hashable, Sendable {
    public var id: String
    public var name: String
    public var nameEn: String?
    public var type: ParkType
    /// Province key (`guangdong`, ...); selects the provincial grid factor. Nil: national factor.
    public var province: String?
    public var areaM2: Double
    /// Annual output value in CNY, for intensity per 10,000 CNY (1.1.14).
    public var outputValueCNY: Double?
    public var boundaryEvidence: [String]
    public var locations: FieldLocations

    public init(id: String, name: String, nameEn: String? = nil, type: ParkType, province: String?,
                areaM2: Double, outputValueCNY: Double?, boundaryEvidence: [String], locations: FieldLocations = .init()) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.type = type
        self.province = province
        self.areaM2 = areaM2
        self.outputValueCNY = outputValueCNY
        self.boundaryEvidence = boundaryEvidence
        self.locations = locations
    }
}
