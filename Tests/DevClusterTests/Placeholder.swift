import Testing
@testable import DevCluster
