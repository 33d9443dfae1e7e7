import Testing
@testable import Policies
