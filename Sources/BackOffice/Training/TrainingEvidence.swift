/// What shows that a course was completed: how it was taken and a reference to check it by
/// (a webinar's date and name, an e-learning certificate number, an exam's result id).
public struct TrainingEvidence: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable, NamedCases {
        case webinar
        case eLearning = "e_learning"
        case exam
        case other
    }

    public let kind: Kind
    public let reference: String

    public init(kind: Kind, reference: String) {
        self.kind = kind
        self.reference = reference
    }
}
