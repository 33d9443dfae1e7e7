import Testing
@testable import Operator
