import Datasets
import Experiments
import FigureKit

/// MNIST images as the pruning experiment uses them: x = pixel/255 ∈ [0, 1]^784, not centred
/// (a shift of the inputs would add nothing the bias-free, 2-homogeneous net could undo), and
/// digit labels 0–9.
public struct DigitImages: Sendable {
    /// n × 784, one image per row.
    public let inputs: Matrix
    public let labels: [Int]

    public init(inputs: Matrix, labels: [Int]) {
        precondition(inputs.rows == labels.count, "DigitImages: \(inputs.rows) images but \(labels.count) labels")
        self.inputs = inputs
        self.labels = labels
    }

    public var count: Int { labels.count }

    /// The images at `indices` of `set`, in that order.
    public init(_ set: MNISTDataset, indices: [Int]) {
        self.init(
            inputs: Matrix(rows: indices.count, columns: MNIST.pixelsPerImage, elements: set.features(indices)),
            labels: indices.map { Int(set.labels[$0]) })
    }
}

/// The training subset and the test images of one run.
public struct PruningDataSet: Sendable {
    public let train: DigitImages
    public let test: DigitImages

    public init(train: DigitImages, test: DigitImages) {
        self.train = train
        self.test = test
    }

    /// Reads the official files from `dataDirectory` (nil: `WNFIGURES_DATA_DIR`, else the
    /// repository's data/mnist): the first `trainPerClass` training images of each digit in file
    /// order (class balanced; 0 takes all 60 000), and the first `testCount` test images.
    public static func load(trainPerClass: Int, testCount: Int, dataDirectory: String? = nil) throws -> PruningDataSet {
        let trainSet = try MNIST.load(.train, dataDirectory: dataDirectory)
        let testSet = try MNIST.load(.test, dataDirectory: dataDirectory)
        return try select(train: trainSet, test: testSet, trainPerClass: trainPerClass, testCount: testCount)
    }

    /// The selection alone, from loaded sets.
    public static func select(train: MNISTDataset, test: MNISTDataset, trainPerClass: Int, testCount: Int) throws -> PruningDataSet {
        let trainIndices = trainPerClass == 0 ? Array(0..<train.count) : try train.balancedIndices(perClass: trainPerClass)
        guard testCount >= 1, testCount <= test.count else {
            throw FigureKitError(.usage, "testCount = \(testCount): the MNIST test set holds \(test.count) images; set it between 1 and \(test.count)")
        }
        return PruningDataSet(
            train: DigitImages(train, indices: trainIndices), test: DigitImages(test, indices: Array(0..<testCount)))
    }

    /// sha256 of the four official files (for the manifest), checked against the official values.
    public static func digests(dataDirectory: String? = nil) throws -> [String: String] {
        try MNIST.digests(.train, dataDirectory: dataDirectory)
            .merging(try MNIST.digests(.test, dataDirectory: dataDirectory)) { first, _ in first }
    }
}
